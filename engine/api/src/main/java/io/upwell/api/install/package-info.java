/**
 * What was offered to the engine at run time (a technique module dropped into the watched folder, a
 * program file) and is not in use, with why: a module whose requirements are missing, a program
 * file that does not validate. Whoever installs such things registers an
 * {@link io.upwell.api.install.InstallReport}; front ends list the problems beside the techniques.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.install;
