type AudioContextConstructor = new () => AudioContext;

function audioContextClass(): AudioContextConstructor | undefined {
  const scope = globalThis as typeof globalThis & { webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/**
 * Three short beeps from an oscillator (no audio file to load or cache). Silent where there
 * is no Web Audio (tests, old browsers) or the browser refuses to play; the modal is the alert.
 */
export function playAlertSound(): void {
  const AudioContextClass = audioContextClass();
  if (!AudioContextClass) return;
  try {
    const context = new AudioContextClass();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime;
    oscillator.type = 'square';
    oscillator.frequency.setValueAtTime(880, start);
    gain.gain.setValueAtTime(0, start);
    for (let beep = 0; beep < 3; beep += 1) {
      const at = start + beep * 0.3;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.setValueAtTime(0, at + 0.18);
    }
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.onended = () => void context.close().catch(() => undefined);
    oscillator.start(start);
    oscillator.stop(start + 0.9);
  } catch {
    // Autoplay policy or a broken audio stack: the visual alert still stands.
  }
}
