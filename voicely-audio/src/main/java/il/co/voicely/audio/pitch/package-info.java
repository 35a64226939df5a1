/**
 * Frame-wise F0 with a voicing decision, Praat's autocorrelation method: start at {@link il.co.voicely.audio.pitch.PitchDetector}.
 */
package il.co.voicely.audio.pitch;
