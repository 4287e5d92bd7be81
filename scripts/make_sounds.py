"""Write the presenter's chimes to resources/sounds/ with the standard library only.

A soft two-partial bell tone with an exponential decay: audible over a room of talking
pairs without being harsh. `phase.wav` is one short strike, `chime.wav` (time is up) is
two strikes a fifth apart. Run: python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def strike(frequency: float, seconds: float, start: float, samples: list[float]) -> None:
    first = int(start * RATE)
    for n in range(int(seconds * RATE)):
        t = n / RATE
        envelope = math.exp(-t * 4.0) * min(1.0, t * 200)  # 5 ms attack, no click
        phase = 2 * math.pi * frequency * t
        value = math.sin(phase) + 0.35 * math.sin(phase * 2.76)  # a bell-like overtone
        samples[first + n] += 0.45 * envelope * value


def write(name: str, strikes: list[tuple[float, float]], length: float) -> None:
    samples = [0.0] * int(length * RATE)
    for frequency, start in strikes:
        strike(frequency, length - start, start, samples)
    peak = max(abs(s) for s in samples) or 1.0
    frames = b"".join(struct.pack("<h", int(32767 * 0.9 * s / peak)) for s in samples)
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write("phase.wav", [(880.0, 0.0)], 1.0)
    write("chime.wav", [(659.25, 0.0), (987.77, 0.35)], 1.6)
    print("wrote", *sorted(p.name for p in OUT.glob("*.wav")))
