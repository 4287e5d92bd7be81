"""Pre-flight: is this room ready? One check per module, each giving OK / warning / problem
lines with one sentence of advice. Used by `facilitator doctor` and the console's "Check the
room" dialog, so both say the same thing. Nothing here imports Qt: what only Qt can tell
(screens, slide fit, sound) is handed in as a `Probes` value by the caller."""
