// The recordings page: record from the microphone (permission, level meter, timer, length limit) or pick a
// file, then upload the bytes as they are and open the recording's page, which shows the analysis.
const root = document.getElementById('recorder');
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const startButton = document.getElementById('record-start');
const stopButton = document.getElementById('record-stop');
const timer = document.getElementById('record-timer');
const level = document.getElementById('record-level');
const status = document.getElementById('record-status');
const exercise = document.getElementById('exercise');
const notes = document.getElementById('exercise-notes');
const fileInput = document.getElementById('upload-file');
const sendButton = document.getElementById('upload-send');
const maxSeconds = Number(root.dataset.maxSeconds);

// Chrome and Firefox record WebM/Opus, Safari MP4/AAC; the server decodes all of them.
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

let session = null;

function say(message) {
  status.textContent = message;
}

function clock(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function showNotes() {
  const option = exercise.selectedOptions[0];
  notes.textContent = option && option.dataset.notes ? option.dataset.notes : '';
}

async function upload(blob) {
  say(root.dataset.textUploading);
  startButton.disabled = true;
  sendButton.disabled = true;
  try {
    const query = exercise.value ? `?exercise=${encodeURIComponent(exercise.value)}` : '';
    const response = await fetch(`/recordings/upload${query}`, {
      method: 'POST',
      body: blob,
      headers: { 'Content-Type': blob.type || 'application/octet-stream', 'X-CSRF-Token': csrf },
      credentials: 'same-origin',
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(answer.message || root.dataset.textFailed);
    }
    window.location.assign(answer.url);
  } catch (error) {
    say(error.message || root.dataset.textFailed);
    startButton.disabled = false;
    sendButton.disabled = false;
  }
}

function meter(stream) {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  const draw = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    // RMS scaled so normal singing fills most of the bar.
    level.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
    frame = requestAnimationFrame(draw);
  };
  draw();
  return () => {
    cancelAnimationFrame(frame);
    level.value = 0;
    context.close();
  };
}

async function start() {
  if (!navigator.mediaDevices || !window.MediaRecorder) {
    say(root.dataset.textUnsupported);
    return;
  }
  say(root.dataset.textAsking);
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
  } catch (error) {
    say(root.dataset.textDenied);
    return;
  }
  const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const chunks = [];
  const stopMeter = meter(stream);
  const began = performance.now();
  const tick = setInterval(() => {
    const seconds = (performance.now() - began) / 1000;
    timer.textContent = clock(seconds);
    if (seconds >= maxSeconds) {
      say(root.dataset.textLimit);
      stop();
    }
  }, 250);
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  recorder.addEventListener('stop', () => {
    clearInterval(tick);
    stopMeter();
    stream.getTracks().forEach((track) => track.stop());
    upload(new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' }));
  });
  session = recorder;
  recorder.start(1000);
  startButton.disabled = true;
  stopButton.disabled = false;
  say(root.dataset.textRecording);
}

function stop() {
  if (session && session.state !== 'inactive') {
    session.stop();
  }
  session = null;
  stopButton.disabled = true;
}

startButton.addEventListener('click', start);
stopButton.addEventListener('click', stop);
exercise.addEventListener('change', showNotes);
sendButton.addEventListener('click', () => {
  const file = fileInput.files[0];
  if (file) upload(file);
  else fileInput.click();
});
showNotes();
