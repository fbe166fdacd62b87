package io.upwell.engine.records.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.preview.Preview;
import java.awt.Color;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The chart read back as XML, as a browser would: never compared byte for byte. */
class TraceChartTest {

    private static Document svg;

    /** Three cups over 40 s: a ramp, a hold with a little noise, a release; cup 1 measures nothing for 1 s. */
    @BeforeAll
    static void draw() throws Exception {
        List<Preview.Sample> samples = new ArrayList<>();
        for (int tenth = 0; tenth <= 400; tenth++) {
            double t = tenth / 10.0;
            double level = t < 5 ? 8 * t : t < 35 ? 40 : Math.max(0, 40 - 13 * (t - 35));
            String phase = t < 5 ? "ramp" : t < 35 ? "hold" : "release";
            for (int cup = 0; cup < 3; cup++) {
                double measured = cup == 1 && t > 10 && t < 11 ? Double.NaN : level * (1 - 0.1 * cup) + 0.1 * Math.sin(t);
                samples.add(new Preview.Sample(java.time.Duration.ofMillis(tenth * 100L), cup, level * (1 - 0.1 * cup),
                        measured, phase));
            }
        }
        String text = TraceChart.svg(Trace.of(samples), "Static cupping (static-cupping 1.0.0)",
                "targetKpa 40 kPa · holdSeconds 30 s", "cup 2 clamped to 10.0 kPa by the body region face");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The document names SVG 1.0's DTD on the web: read it without fetching anything.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        svg = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The style in force on an element: its own and its enclosing groups', innermost first. */
    private static String style(Element element) {
        StringBuilder style = new StringBuilder();
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            style.append(e.getAttribute("style")).append(';');
        }
        return style.toString().replace(" ", "");
    }

    /**
     * Whether the dash pattern in force (the innermost stroke-dasharray, see {@link #style}) draws dashes:
     * an enclosing group, the document's root for one, may say none, SVG's default, the solid line.
     */
    private static boolean dashed(String style) {
        int at = style.indexOf("stroke-dasharray:");
        return at >= 0 && !style.startsWith("none", at + "stroke-dasharray:".length());
    }

    private static String rgb(Color colour) {
        return String.format(Locale.ROOT, "stroke:rgb(%d,%d,%d)", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** Paths long enough to be a data line (the legend's samples and the axes are a segment or two). */
    private static List<Element> lines() {
        NodeList paths = svg.getElementsByTagName("path");
        List<Element> lines = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.getAttribute("d").chars().filter(c -> c == 'L').count() > 20) {
                lines.add(path);
            }
        }
        return lines;
    }

    private static List<String> texts() {
        NodeList texts = svg.getElementsByTagName("text");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            all.add(texts.item(i).getTextContent());
        }
        return all;
    }

    @Test
    void eachCupHasOneDashedTargetPathAndOneSolidMeasuredPathInItsColour() {
        List<Element> lines = lines();
        for (int cup = 0; cup < 3; cup++) {
            String colour = rgb(TraceChart.cupColour(cup));
            long dashed = lines.stream().map(TraceChartTest::style)
                    .filter(s -> s.startsWith(colour, s.indexOf("stroke:rgb")) && dashed(s)).count();
            long solid = lines.stream().map(TraceChartTest::style)
                    .filter(s -> s.startsWith(colour, s.indexOf("stroke:rgb")) && !dashed(s)).count();
            assertEquals(1, dashed, "dashed target paths of cup " + cup);
            assertEquals(1, solid, "solid measured paths of cup " + cup);
        }
        assertEquals(6, lines.size(), "two lines per cup and no others");
    }

    @Test
    void theAxesAreLabelledWithTheirUnits() {
        List<String> texts = texts();
        assertTrue(texts.contains("time (s)"), texts.toString());
        assertTrue(texts.contains("vacuum (kPa below ambient)"), texts.toString());
    }

    @Test
    void theTitleTheLegendAndThePhasesAreThere() {
        List<String> texts = texts();
        assertTrue(texts.contains("Static cupping (static-cupping 1.0.0)"), texts.toString());
        assertTrue(texts.contains("targetKpa 40 kPa · holdSeconds 30 s"), texts.toString());
        assertTrue(texts.contains("cup 2 clamped to 10.0 kPa by the body region face"), texts.toString());
        for (String item : List.of("cup 0", "cup 1", "cup 2", "target (dashed)", "measured (solid)", "ramp", "hold",
                "release")) {
            assertTrue(texts.contains(item), item + " in " + texts);
        }
        assertTrue(texts.contains("phase per cup"), texts.toString());
    }

    @Test
    void aLongTraceKeepsEachBucketsPeakAndTrough() {
        List<Preview.Sample> samples = new ArrayList<>();
        int rows = TraceChart.MAX_POINTS * 10;
        for (int row = 0; row < rows; row++) {
            double value = row == 12_345 ? 55 : row == 23_456 ? -1 : 20;
            samples.add(new Preview.Sample(java.time.Duration.ofMillis(row * 100L), 0, 20, value, "hold"));
        }
        XYSeries line = new XYSeries("m", false, true);
        Trace trace = Trace.of(samples);

        TraceChart.decimated(trace, row -> trace.measured(0, row), line);

        assertTrue(line.getItemCount() <= TraceChart.MAX_POINTS + 3, "points: " + line.getItemCount());
        assertEquals(55.0, line.getMaxY(), 0.0);
        assertEquals(-1.0, line.getMinY(), 0.0);
    }
}
