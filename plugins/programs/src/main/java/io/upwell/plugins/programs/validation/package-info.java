/**
 * Checking program files: what the {@code validate} command (launcher and shell) uses, and what an
 * installer of program files builds on.
 * <p>
 * {@link io.upwell.plugins.programs.validation.ProgramValidator#validate(java.nio.file.Path)} reads one
 * JSON program file, checks it against the published schema ({@code program.schema.json}, in this
 * bundle and in docs/) and against the rules a schema cannot express (hard limits over each
 * parameter's whole range, durations, cup overlap, lymph order, references, defaults, unique names),
 * and returns a {@link io.upwell.plugins.programs.validation.ProgramReport}: every
 * {@link io.upwell.plugins.programs.validation.ProgramProblem} found (file, JSON path, line, message),
 * or, for a valid file, a {@link io.upwell.plugins.programs.validation.ProgramSummary} and the
 * {@code Technique} the file describes. Validation has no side effects: nothing is registered, so a
 * caller that finds an update invalid can keep what it had.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.plugins.programs.validation;
