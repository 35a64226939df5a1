# Praat's voice report (pitch by AC, pulses by cross-correlation), as printed by "Voice report".
form Voice report
  sentence File
  positive Floor 75
  positive Ceiling 600
endform
s = Read from file: file$
p = To Pitch (ac): 0.01, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
selectObject: s, p
pp = To PointProcess (cc)
selectObject: s, p, pp
report$ = Voice report: 0, 0, floor, ceiling, 1.3, 1.6, 0.03, 0.45
appendInfoLine: report$
selectObject: s
h = To Harmonicity (cc): 0.01, floor, 0.1, 1.0
hnr = Get mean: 0, 0
appendInfoLine: "Harmonicity mean: ", fixed$ (hnr, 3)
