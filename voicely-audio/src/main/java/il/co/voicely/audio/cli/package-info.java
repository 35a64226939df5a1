/**
 * Command-line entry points for scripts and for the {@code ./voicely} launcher.
 */
package il.co.voicely.audio.cli;
