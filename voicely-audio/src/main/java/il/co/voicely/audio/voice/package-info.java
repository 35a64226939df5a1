/**
 * What a recording says about a voice — range, stability, vibrato, jitter, shimmer, HNR, loudness, phrases —
 * and note accuracy against a target: start at {@link il.co.voicely.audio.voice.VoiceAnalyzer} and
 * {@link il.co.voicely.audio.voice.NoteAccuracy}.
 */
package il.co.voicely.audio.voice;
