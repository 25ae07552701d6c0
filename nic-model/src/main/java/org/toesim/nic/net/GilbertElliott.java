package org.toesim.nic.net;

/**
 * Gilbert-Elliott two-state bursty loss (Gilbert 1960, Elliott 1963): a Markov chain over a
 * good and a bad state, each with its own loss probability. For each frame the loss is drawn in
 * the current state, then the state moves.
 *
 * <pre>
 *          p                 P(loss | good) = lossGood
 *   GOOD -----&gt; BAD          P(loss | bad)  = lossBad
 *        &lt;-----              steady state: P(bad) = p / (p + r)
 *          r
 * </pre>
 *
 * @param p        probability of moving good to bad after a frame
 * @param r        probability of moving bad to good after a frame
 * @param lossGood loss probability in the good state (often 0)
 * @param lossBad  loss probability in the bad state (often 1)
 */
public record GilbertElliott(double p, double r, double lossGood, double lossBad) {
    public GilbertElliott {
        for (double v : new double[] {p, r, lossGood, lossBad}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("Gilbert-Elliott probabilities must be in [0,1]: " + v);
            }
        }
        if (p + r == 0) {
            throw new IllegalArgumentException("p and r cannot both be 0");
        }
    }

    /** Long-run fraction of frames lost. */
    public double meanLossRate() {
        double bad = p / (p + r);
        return (1 - bad) * lossGood + bad * lossBad;
    }

    /** Mean length of a bad period, in frames. */
    public double meanBadRunFrames() {
        return 1.0 / r;
    }
}
