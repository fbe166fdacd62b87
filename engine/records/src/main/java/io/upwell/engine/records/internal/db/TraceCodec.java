package io.upwell.engine.records.internal.db;

import io.upwell.api.records.TraceSample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One cup's samples as one compressed block (encoding {@value #ENCODING}): a count, then per sample
 * the session time in milliseconds (an int), commanded and measured vacuum in kPa (floats, NaN for
 * no measurement), deflated. The journal keeps pressures to 0.01 kPa and time to the millisecond, so
 * nothing it holds is lost.
 */
public final class TraceCodec {
    public static final int ENCODING = 1;

    private TraceCodec() {
    }

    /** The samples of one cup, in order. */
    public static byte[] encode(List<TraceSample> samples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(samples.size() * 4 + 16);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(samples.size());
            for (TraceSample sample : samples) {
                out.writeInt((int) Math.round(sample.seconds() * 1000));
                out.writeFloat((float) sample.commandedKpa());
                out.writeFloat(sample.measuredKpa() == null ? Float.NaN : sample.measuredKpa().floatValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a trace in memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the block is not a trace of this encoding
     */
    public static List<TraceSample> decode(int cup, int encoding, byte[] data) {
        if (encoding != ENCODING) {
            throw new IllegalArgumentException("trace of cup " + cup + " has encoding " + encoding
                    + ", which this engine cannot read (it knows " + ENCODING + ")");
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            int count = in.readInt();
            List<TraceSample> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double seconds = in.readInt() / 1000.0;
                double commanded = rounded(in.readFloat());
                float measured = in.readFloat();
                samples.add(new TraceSample(seconds, cup, commanded, Float.isNaN(measured) ? null : rounded(measured)));
            }
            return samples;
        } catch (IOException e) {
            throw new IllegalArgumentException("trace of cup " + cup + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Back to the journal's 0.01 kPa, undoing the float's last-digit noise. */
    private static double rounded(float kpa) {
        return Math.round(kpa * 100.0) / 100.0;
    }
}
