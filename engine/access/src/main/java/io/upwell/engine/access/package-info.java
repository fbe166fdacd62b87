/**
 * Who may use the engine over HTTP, for the programs that administer it: the launcher's {@code users}
 * command and shell command use {@link io.upwell.engine.access.UserAdministration}, a service the
 * access bundle registers.
 * <p>
 * The HTTP side is a fixed contract, described by {@link io.upwell.engine.access.AccessNames}: every
 * servlet registered on the Servlet Whiteboard context named {@value io.upwell.engine.access.AccessNames#CONTEXT_NAME}
 * is behind the login and the role policy, and reads who is calling from
 * {@code HttpServletRequest.getRemoteUser()} and the role from the request attribute
 * {@value io.upwell.engine.access.AccessNames#ROLE_ATTRIBUTE}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.engine.access;
