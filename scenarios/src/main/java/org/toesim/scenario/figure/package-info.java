/**
 * Figures: a format-independent {@link org.toesim.scenario.figure.Figure} (axes that know their
 * quantity, series, markers) drawn by {@link org.toesim.scenario.figure.FigureRenderer} with
 * JFreeChart as PNG and, through JFreeSVG, as SVG from the same drawing.
 */
package org.toesim.scenario.figure;
