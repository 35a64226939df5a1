package il.co.voicely.audio.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.audio.fixtures.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No model is reachable from here, so these specify everything up to the model: files, natives, errors. */
class WhisperCppTranscriberTest {
    @TempDir
    Path dir;

    @Test
    void nativeLibraryLoadsOnThisMachine() throws Exception {
        assertThat(WhisperCppTranscriber.nativeLibraryInfo()).contains("AVX");
    }

    @Test
    void missingModelNamesTheFileAndHowToGetOne() {
        Path model = dir.resolve("models/ggml-small.bin");

        assertThatThrownBy(() -> WhisperCppTranscriber.builder(model).build())
                .isInstanceOf(TranscriberUnavailableException.class)
                .hasMessageContaining("whisper.cpp model file '" + model.toAbsolutePath() + "' does not exist")
                .hasMessageContaining("ggml-base.bin")
                .hasMessageContaining("https://huggingface.co/ggerganov/whisper.cpp")
                .hasMessageContaining("WhisperModelDownloader");
    }

    @Test
    void fileThatIsNotAModelIsRefusedBeforeNativeCodeSeesIt() throws Exception {
        Path wav = TestAudio.writeWav(dir.resolve("ggml-base.bin"), new float[1600], 16_000);

        assertThatThrownBy(() -> WhisperCppTranscriber.builder(wav).build())
                .isInstanceOf(TranscriberUnavailableException.class)
                .hasMessageContaining("is not a whisper.cpp ggml model");
    }

    @Test
    void truncatedModelIsRefusedByWhisperCppWithAClearError() throws Exception {
        byte[] truncated = new byte[4096];
        System.arraycopy(new byte[] {0x6c, 0x6d, 0x67, 0x67}, 0, truncated, 0, 4); // right magic, no model after it
        Path model = Files.write(dir.resolve("ggml-tiny.bin"), truncated);

        assertThatThrownBy(() -> WhisperCppTranscriber.builder(model).build())
                .isInstanceOf(TranscriberUnavailableException.class)
                .hasMessageContaining("whisper.cpp could not load model '" + model.toAbsolutePath() + "'");
    }

    @Test
    void directoryInsteadOfModelIsRefused() {
        assertThatThrownBy(() -> WhisperCppTranscriber.builder(dir).build())
                .isInstanceOf(TranscriberUnavailableException.class)
                .hasMessageContaining("is not a readable file");
    }
}
