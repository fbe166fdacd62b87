package io.upwell.api.records;

/**
 * One cup's commanded and measured vacuum at one moment of the session.
 *
 * @param seconds      seconds of the engine's clock since the session started
 * @param cup          the cup's index
 * @param commandedKpa what the envelope commanded, in kPa
 * @param measuredKpa  what the device measured, in kPa; null when it measured nothing
 */
public record TraceSample(double seconds, int cup, double commandedKpa, Double measuredKpa) {
}
