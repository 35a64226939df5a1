package il.co.voicely.app.recordings;

/** The limits the recording page tells the browser. */
public final class RecordingLimits {

    /** Longest recording made in the browser, in seconds; uploads may run to the analysis limit. */
    public static final int BROWSER_SECONDS = 300;

    private RecordingLimits() {
    }
}
