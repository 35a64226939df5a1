/**
 * Speech to text with timestamps: start at {@link il.co.voicely.audio.transcribe.Transcribers}, which picks an
 * OpenAI-compatible server ({@link il.co.voicely.audio.transcribe.OpenAiCompatibleTranscriber}) or in-process
 * whisper.cpp ({@link il.co.voicely.audio.transcribe.WhisperCppTranscriber}) from
 * {@link il.co.voicely.audio.transcribe.TranscriptionSettings}, and says so plainly when neither is configured.
 */
package il.co.voicely.audio.transcribe;
