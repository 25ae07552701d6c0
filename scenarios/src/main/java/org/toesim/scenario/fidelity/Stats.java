package org.toesim.scenario.fidelity;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and median over seeds (NaN values, e.g. "no loss", count as +infinity for the median). */
final class Stats {
    private Stats() {
    }

    static <T> double mean(List<T> xs, ToDoubleFunction<T> f) {
        double sum = 0;
        for (T x : xs) {
            sum += f.applyAsDouble(x);
        }
        return xs.isEmpty() ? Double.NaN : sum / xs.size();
    }

    static <T> double median(List<T> xs, ToDoubleFunction<T> f) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = new double[xs.size()];
        for (int i = 0; i < v.length; i++) {
            double d = f.applyAsDouble(xs.get(i));
            v[i] = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        }
        Arrays.sort(v);
        double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    static <T> double min(List<T> xs, ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    static <T> double max(List<T> xs, ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
