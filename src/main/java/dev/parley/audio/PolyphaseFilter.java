package dev.parley.audio;

/**
 * A Kaiser-windowed sinc low-pass filter for one pair of sample rates, tabulated once per fractional
 * position of an output sample between two input samples.
 *
 * <p>With rates reduced by their gcd to {@code up/down} (48000→16000 is 1/3, 44100→16000 is 160/441),
 * output sample {@code n} lies at input position {@code n·down/up}, whose fractional part is one of
 * {@code up} values: one table row each, so every output sample is a single dot product. Ratios whose
 * {@code up} is too large for a table (say 44101→16000) use a finer fixed grid of rows and interpolate
 * linearly between the two nearest ones.
 */
final class PolyphaseFilter {

    /**
     * Rejection of everything above the lower Nyquist frequency. 80 dB keeps aliases below the noise of
     * any real recording while keeping the filter short enough to resample a minute in a fraction of a second.
     */
    private static final double STOPBAND_DB = 80;
    /**
     * Width of the transition band as a share of the lower Nyquist frequency. The stopband starts exactly
     * at that Nyquist, so nothing aliases; the passband ends 12 % below it (7 kHz at 16 kHz, above the
     * range speech recognizers look at).
     */
    private static final double TRANSITION = 0.12;
    private static final int MAX_EXACT_ROWS = 1024;
    /** Rows per input sample for awkward ratios; linear interpolation between them errs by about -120 dB. */
    private static final int INTERPOLATED_ROWS = 1024;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final boolean exact;
    /** rows[r][k] weighs input sample (index − halfTaps + 1 + k) for an output at fraction r/rowsPerSample past index. */
    private final float[][] rows;

    private PolyphaseFilter(int inputRate, int outputRate) {
        int gcd = gcd(inputRate, outputRate);
        up = outputRate / gcd;
        down = inputRate / gcd;

        // All frequencies below are in cycles per input sample.
        double lowerNyquist = Math.min(inputRate, outputRate) / 2.0 / inputRate;
        double transition = TRANSITION * lowerNyquist;
        double cutoff = lowerNyquist - transition / 2; // the -6 dB point sits mid-transition
        // Kaiser's design formulas (Oppenheim & Schafer): window length and shape for the attenuation.
        double order = (STOPBAND_DB - 7.95) / (2.285 * 2 * Math.PI * transition);
        halfTaps = (int) Math.ceil(order / 2);
        double beta = 0.1102 * (STOPBAND_DB - 8.7);

        exact = up <= MAX_EXACT_ROWS;
        int rowsPerSample = exact ? up : INTERPOLATED_ROWS;
        // The interpolated grid needs the row at fraction 1.0 as the right neighbour of the last one.
        rows = new float[exact ? rowsPerSample : rowsPerSample + 1][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = row((double) r / rowsPerSample, cutoff, beta);
        }
    }

    static PolyphaseFilter forRates(int inputRate, int outputRate) {
        return new PolyphaseFilter(inputRate, outputRate);
    }

    float[] apply(float[] input) {
        int outputLength = (int) ((input.length * (long) up + down / 2) / down); // rounded, not truncated
        float[] output = new float[outputLength];
        for (int n = 0; n < outputLength; n++) {
            output[n] = outputAt(n, input, 0);
        }
        return output;
    }

    /**
     * Output sample {@code n} of a stream whose input sample number {@code inputOffset} is
     * {@code input[0]}; input outside the array counts as silence, so the caller must hold every sample
     * from {@link #firstInputNeeded} to {@link #lastInputNeeded} for an exact result.
     */
    float outputAt(long n, float[] input, long inputOffset) {
        long position = n * down; // in 1/up-ths of an input sample
        long index = position / up;
        int phase = (int) (position % up);
        int first = (int) (index - halfTaps + 1 - inputOffset);
        if (exact) {
            return dot(input, first, rows[phase]);
        }
        double where = (double) phase * INTERPOLATED_ROWS / up;
        int row = (int) where;
        float weight = (float) (where - row);
        return (1 - weight) * dot(input, first, rows[row]) + weight * dot(input, first, rows[row + 1]);
    }

    /** The earliest input sample that output sample {@code n} depends on. */
    long firstInputNeeded(long n) {
        return n * down / up - halfTaps + 1;
    }

    /** The latest input sample that output sample {@code n} depends on. */
    long lastInputNeeded(long n) {
        return n * down / up + halfTaps;
    }

    /** Filter output with taps starting at input index {@code first}; input outside the clip is silence. */
    private static float dot(float[] input, int first, float[] taps) {
        int from = Math.max(0, -first);
        int to = Math.min(taps.length, input.length - first);
        float sum = 0;
        for (int k = from; k < to; k++) {
            sum += input[first + k] * taps[k];
        }
        return sum;
    }

    private float[] row(double fraction, double cutoff, double beta) {
        double[] weights = new double[2 * halfTaps];
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            double distance = k - halfTaps + 1 - fraction; // input samples from the output's position
            weights[k] = 2 * cutoff * sinc(2 * cutoff * distance) * kaiser(distance / halfTaps, beta);
            total += weights[k];
        }
        // Scaling each row to sum to one gives every phase exactly unity gain at DC, so a constant input
        // does not come out with a ripple at the phase rate.
        float[] taps = new float[weights.length];
        for (int k = 0; k < taps.length; k++) {
            taps[k] = (float) (weights[k] / total);
        }
        return taps;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The Kaiser window at {@code t} in [-1, 1]. */
    private static double kaiser(double t, double beta) {
        return Math.abs(t) > 1 ? 0 : besselI0(beta * Math.sqrt(1 - t * t)) / besselI0(beta);
    }

    /** Zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
