package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Image formats for the time-series plots. */
@JsonDeserialize(using = PlotFormat.Deser.class)
public enum PlotFormat implements NamedValue {
    /** Raster image rendered with JFreeChart. */
    PNG("png"),
    /** Vector image. */
    SVG("svg");

    private final String fileName;

    PlotFormat(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<PlotFormat> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(PlotFormat.class);
        }
    }
}
