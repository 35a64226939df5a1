# Prints "time f0" per frame of Praat's To Pitch (ac), f0 0 when unvoiced.
form Pitch track
  sentence File
  positive Floor 75
  positive Ceiling 600
endform
s = Read from file: file$
p = To Pitch (ac): 0.01, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
n = Get number of frames
for i to n
  t = Get time from frame number: i
  f = Get value in frame: i, "Hertz"
  if f = undefined
    f = 0
  endif
  appendInfoLine: fixed$ (t, 6), " ", fixed$ (f, 4)
endfor
