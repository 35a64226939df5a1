// A recording's page: comment times seek the player; "now" fills the comment's time from the player.
const player = document.getElementById('player');
const at = document.getElementById('at');
const now = document.getElementById('comment-now');

function clock(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

document.querySelectorAll('[data-seek]').forEach((button) => {
  button.addEventListener('click', () => {
    player.currentTime = Number(button.dataset.seek);
    player.play();
  });
});

if (now && at) {
  now.addEventListener('click', () => {
    at.value = clock(player.currentTime);
    player.pause();
  });
}
