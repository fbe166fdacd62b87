package io.upwell.engine.records.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;

/**
 * Draws a {@link Trace} as an SVG chart with JFreeChart, written by Apache Batik's SVG generator:
 * vacuum over time, one colour per cup, the target dashed and the measured vacuum solid, thin lines at
 * the summary's thresholds; below it a strip per cup showing its phase (ramp, hold, pulse ...) as
 * coloured bands. The title names the technique, its version and its parameters.
 */
public final class TraceChart {

    public static final String TIME_AXIS = "time (s)";
    public static final String PRESSURE_AXIS = "vacuum (kPa below ambient)";
    /**
     * The levels the chart draws a thin line at: 20 kPa (a gentle, lymphatic level) and 40 kPa (a firm
     * static cup); the simulate command's summary reports the time spent at or above each.
     */
    public static final List<Double> THRESHOLDS_KPA = List.of(20.0, 40.0);
    public static final String PHASE_AXIS = "phase per cup";

    /** Okabe-Ito colours, told apart with colour-blindness too; cups beyond eight reuse them, darker. */
    private static final Color[] CUP_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x8C564B)};
    /** The engine's phase vocabulary, each a colour of its own; any other phase gets one from {@link #SPARE_PHASE_COLOURS}. */
    private static final Map<String, Color> PHASE_COLOURS = Map.ofEntries(
            Map.entry("idle", new Color(0xE0E0E0)),
            Map.entry("ramp", new Color(0x9ECAE1)),
            Map.entry("hold", new Color(0x74C476)),
            Map.entry("pulse", new Color(0xFDAE6B)),
            Map.entry("wave", new Color(0xBCBDDC)),
            Map.entry("release", new Color(0xC6DBEF)),
            Map.entry("done", new Color(0xBDBDBD)),
            Map.entry("ramp-out", new Color(0xFCBBA1)),
            // vent is also a pulse's off-time, not only the safe state after a fault: neutral, not alarm red
            Map.entry("vent", new Color(0xB0BEC5)),
            Map.entry("leak", new Color(0xFB6A4A)),
            Map.entry("dwell-limit", new Color(0xCB181D)));
    private static final Color[] SPARE_PHASE_COLOURS = {new Color(0xFDD0A2), new Color(0xDADAEB),
        new Color(0xC7E9C0), new Color(0xFEE391)};

    private static final Stroke TARGET_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);
    private static final Stroke MEASURED_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND);
    private static final Stroke GRID_STROKE = new BasicStroke(0.5f);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final String FONT = Font.SANS_SERIF;

    static final int WIDTH = 1200;
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private TraceChart() {
    }

    /**
     * The chart as an SVG document.
     *
     * @param title    the title's first line: the technique's name, id and version
     * @param subtitle the second: its parameters and the cups
     * @param note     a third, in red, or empty: what the session's limits changed (a clamped cup)
     */
    public static String svg(Trace trace, String title, String subtitle, String note) {
        headless();
        JFreeChart chart = chart(trace, title, subtitle, note);
        int height = 560 + 28 * trace.cupCount();
        SVGGraphics2D g2 = new SVGGraphics2D(generatorContext(), false);
        g2.setSVGCanvasSize(new Dimension(WIDTH, height));
        chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
        StringWriter svg = new StringWriter();
        try {
            g2.stream(svg, true); // CSS: each element's style in one style attribute, as browsers and editors expect
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Batik's SVGGraphics2DIOException; a StringWriter never fails
        } finally {
            g2.dispose();
        }
        return svg.toString();
    }

    /**
     * Batik's generator on the JRE's own DOM (Batik's DOM is not needed to write SVG). Text stays text,
     * in the reader's sans-serif font: no fonts are embedded and no glyph is drawn as a shape.
     */
    private static SVGGeneratorContext generatorContext() {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JRE has no XML DOM", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setEmbeddedFontsOn(false);
        context.setComment("Upwell simulate: drawn by JFreeChart, written by Apache Batik");
        return context;
    }

    /** No window is ever opened: the chart is drawn into SVG, on servers without a display too. */
    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Rotated labels (the vertical axes') as SVG text, selectable and searchable, not as glyph outlines.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static Color cupColour(int column) {
        Color base = CUP_COLOURS[column % CUP_COLOURS.length];
        return column < CUP_COLOURS.length ? base : base.darker();
    }

    static JFreeChart chart(Trace trace, String title, String subtitle, String note) {
        NumberAxis time = new NumberAxis(TIME_AXIS);
        time.setAutoRangeIncludesZero(true);
        time.setLowerMargin(0);
        time.setUpperMargin(0.01);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        // About 400 px of pressure and 28 px of phase strip per cup, whatever the number of cups.
        plot.add(pressurePlot(trace), 100);
        Map<String, Color> phases = new LinkedHashMap<>();
        plot.add(phasePlot(trace, phases), 7 * Math.max(2, trace.cupCount()));
        plot.setFixedLegendItems(legend(trace, phases));

        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle second = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 13));
        second.setMaximumLinesToDisplay(3);
        chart.addSubtitle(second);
        if (!note.isEmpty()) {
            TextTitle third = new TextTitle(note, new Font(FONT, Font.BOLD, 13));
            third.setPaint(new Color(0xB2182B));
            third.setMaximumLinesToDisplay(3);
            chart.addSubtitle(third);
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setItemFont(new Font(FONT, Font.PLAIN, 12));
        return chart;
    }

    private static XYPlot pressurePlot(Trace trace) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per line: what a reader (and the tests) count
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        int series = 0;
        for (int c = 0; c < trace.cupCount(); c++) {
            XYSeries target = new XYSeries("cup " + trace.cup(c) + " target", false, true);
            XYSeries measured = new XYSeries("cup " + trace.cup(c) + " measured", false, true);
            int column = c;
            // NaN leaves a gap in the line: nothing was measured (or commanded) then.
            decimated(trace, row -> trace.target(column, row), target);
            decimated(trace, row -> trace.measured(column, row), measured);
            lines.addSeries(target);
            renderer.setSeriesPaint(series, cupColour(c));
            renderer.setSeriesStroke(series++, TARGET_STROKE);
            lines.addSeries(measured);
            renderer.setSeriesPaint(series, cupColour(c));
            renderer.setSeriesStroke(series++, MEASURED_STROKE);
        }
        NumberAxis pressure = new NumberAxis(PRESSURE_AXIS);
        pressure.setAutoRangeIncludesZero(true);
        pressure.setRangeType(org.jfree.data.RangeType.POSITIVE); // a vented cup's reading a hair above ambient is 0
        pressure.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(lines, null, pressure, renderer);
        grid(plot);
        for (double threshold : THRESHOLDS_KPA) {
            ValueMarker marker = new ValueMarker(threshold, new Color(0x999999), new BasicStroke(0.8f));
            marker.setLabel(String.format(java.util.Locale.ROOT, "%.0f kPa", threshold));
            marker.setLabelFont(new Font(FONT, Font.PLAIN, 10));
            marker.setLabelPaint(new Color(0x666666));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(marker);
        }
        return plot;
    }

    /** The most points one line gets; a longer trace keeps each bucket's lowest and highest (peaks survive). */
    static final int MAX_POINTS = 4000;

    /**
     * A column as a line of at most about {@link #MAX_POINTS} points: every row when the trace is short
     * enough; otherwise, per bucket of rows, its first point, its lowest and its highest, in time order,
     * so peaks, troughs and gaps (NaN) stay on the chart. The CSV keeps every row.
     */
    static void decimated(Trace trace, java.util.function.IntToDoubleFunction column, XYSeries line) {
        int rows = trace.rows();
        int bucket = Math.max(1, (rows + MAX_POINTS / 3 - 1) / (MAX_POINTS / 3));
        if (bucket == 1) {
            for (int row = 0; row < rows; row++) {
                line.add(trace.seconds(row), column.applyAsDouble(row));
            }
            return;
        }
        for (int from = 0; from < rows; from += bucket) {
            int to = Math.min(rows, from + bucket);
            int low = -1;
            int high = -1;
            boolean gap = false;
            for (int row = from; row < to; row++) {
                double value = column.applyAsDouble(row);
                if (Double.isNaN(value)) {
                    gap = true;
                } else {
                    low = low < 0 || value < column.applyAsDouble(low) ? row : low;
                    high = high < 0 || value > column.applyAsDouble(high) ? row : high;
                }
            }
            java.util.TreeSet<Integer> kept = new java.util.TreeSet<>();
            kept.add(from);
            if (low >= 0) {
                kept.add(low);
                kept.add(high);
            }
            for (int row : kept) {
                line.add(trace.seconds(row), column.applyAsDouble(row));
            }
            if (gap && !Double.isNaN(column.applyAsDouble(from))) {
                line.add(trace.seconds(kept.last()), Double.NaN); // the gap stays a gap
            }
        }
    }

    /** One row per cup; each run of a phase is a band from its first sample to the next phase's first sample. */
    private static XYPlot phasePlot(Trace trace, Map<String, Color> phases) {
        Map<String, XYIntervalSeries> byPhase = new LinkedHashMap<>();
        for (int c = 0; c < trace.cupCount(); c++) {
            int row = 0;
            while (row < trace.rows()) {
                String phase = trace.phase(c, row);
                int end = row + 1;
                while (end < trace.rows() && trace.phase(c, end).equals(phase)) {
                    end++;
                }
                double from = trace.seconds(row);
                double to = trace.seconds(Math.min(end, trace.rows() - 1));
                if (!phase.isEmpty() && to > from) {
                    byPhase.computeIfAbsent(phase, XYIntervalSeries::new).add(from, from, to, c, c - 0.38, c + 0.38);
                }
                row = end;
            }
        }
        XYIntervalSeriesCollection bands = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        int series = 0;
        int spare = 0;
        for (var entry : byPhase.entrySet()) {
            Color colour = PHASE_COLOURS.get(entry.getKey());
            if (colour == null) {
                colour = SPARE_PHASE_COLOURS[spare++ % SPARE_PHASE_COLOURS.length];
            }
            phases.put(entry.getKey(), colour);
            bands.addSeries(entry.getValue());
            renderer.setSeriesPaint(series++, colour);
        }
        String[] names = new String[trace.cupCount()];
        for (int c = 0; c < names.length; c++) {
            names[c] = "cup " + trace.cup(c);
        }
        SymbolAxis cups = new SymbolAxis(PHASE_AXIS, names);
        cups.setInverted(true); // cup 0 on top, as the legend lists them
        cups.setGridBandsVisible(false);
        cups.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        XYPlot plot = new XYPlot(bands, null, cups, renderer);
        grid(plot);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static void grid(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x888888));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(GRID_STROKE); // solid: the only dashed lines are the targets
        plot.setRangeGridlineStroke(GRID_STROKE);
    }

    /** One line per cup in its colour, what dashed and solid mean, then each phase's colour. */
    private static LegendItemCollection legend(Trace trace, Map<String, Color> phases) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        for (int c = 0; c < trace.cupCount(); c++) {
            items.add(lineItem("cup " + trace.cup(c), line, MEASURED_STROKE, cupColour(c)));
        }
        items.add(lineItem("target (dashed)", line, TARGET_STROKE, Color.DARK_GRAY));
        items.add(lineItem("measured (solid)", line, MEASURED_STROKE, Color.DARK_GRAY));
        List<String> names = new ArrayList<>(phases.keySet());
        for (String phase : names) {
            LegendItem item = new LegendItem(phase, null, null, null, new Rectangle2D.Double(-6, -5, 12, 10),
                    (Paint) phases.get(phase));
            items.add(item);
        }
        return items;
    }

    private static LegendItem lineItem(String label, Shape line, Stroke stroke, Color colour) {
        return new LegendItem(label, null, null, null, line, stroke, colour);
    }
}
