"""Every US state and DC, worked by hand from the rules each file cites: the state's own parts only
(its income tax, kind "income", and its employee contributions, kind "social"); US federal income tax,
Social Security and Medicare are tested in test_us_federal.py.

Each case: (region, tax year, filing status, wages, state income tax, state employee contributions),
with the worksheet beside it: taxable income, each bracket as rate x amount, credits, contributions.
"Federal" lines give the federal income tax that Alabama, Missouri and Oregon deduct (2025 Tax
Table: the midpoint of the $50 row, whole dollars). Cents are kept exact and rounded once, as the
estimate's parts are (half up).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.tax import estimate as public_estimate
from app.tax import regions
from tests.unit.app.tax.support import chain, estimate, parts

D = Decimal

STATES_AND_DC = [
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
    "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
    "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
]
# States whose 2026 rules were not found published (indexed amounts, or a 2026 law whose figures are
# not out): their estimates for 2026 use the 2025 file and say so.
FALLBACK_2026 = {"AK", "AR", "CA", "DC", "ID", "IL", "MA", "MD", "OR", "UT", "VT"}

# (region, year, status, wages, state income tax, state employee contributions)
CASES = [
    # ---- US-AK ----
    # UI: 0.5 % x 30,000 = 150
    ("US-AK", 2025, "single", "30000", "0.00", "150.00"),
    # UI: 0.5 % x 51,700 = 258.50
    ("US-AK", 2025, "single", "51700", "0.00", "258.50"),
    # UI: 0.5 % x 51,700 = 258.50
    ("US-AK", 2025, "single", "120000", "0.00", "258.50"),
    # ---- US-AL ----
    # federal: taxable 4,250, Tax Table row midpoint 4,275: 10 % x 4,275 = 427.50 -> 427.50 -> 428
    # standard deduction 3000 - 25 x 0 steps of 500 over 25,500 = 3,000 (floor 2500)
    # taxable 20,000 - 3,000 - 1500 (exemption) - 428 (federal tax) = 15,072
    # tax 2 % x 500 = 10 + 4 % x 2,500 = 100 + 5 % x 12,072 = 603.60 -> 713.60
    ("US-AL", 2025, "single", "20000", "713.60", "0.00"),
    # federal: taxable 44,250, Tax Table row midpoint 44,275: 10 % x 11,925 = 1,192.50 + 12 % x 32,350 = 3,882 ->
    #   5,074.50 -> 5,075
    # standard deduction 3000 - 25 x 69 steps of 500 over 25,500 = 2,500 (floor 2500)
    # taxable 60,000 - 2,500 - 1500 (exemption) - 5,075 (federal tax) = 50,925
    # tax 2 % x 500 = 10 + 4 % x 2,500 = 100 + 5 % x 47,925 = 2,396.25 -> 2,506.25
    ("US-AL", 2025, "single", "60000", "2506.25", "0.00"),
    # federal: taxable 384,250: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 + 22 % x 54,875 = 12,072.50 + 24
    #   % x 93,950 = 22,548 + 32 % x 53,225 = 17,032 + 35 % x 133,725 = 46,803.75 -> 104,034.75
    # standard deduction 3000 - 25 x 749 steps of 500 over 25,500 = 2,500 (floor 2500)
    # taxable 400,000 - 2,500 - 1500 (exemption) - 104,034.75 (federal tax) = 291,965.25
    # tax 2 % x 500 = 10 + 4 % x 2,500 = 100 + 5 % x 288,965.25 = 14,448.26 -> 14,558.26
    ("US-AL", 2025, "single", "400000", "14558.26", "0.00"),
    # federal: taxable 68,500, Tax Table row midpoint 68,525: 10 % x 23,850 = 2,385 + 12 % x 44,675 = 5,361 ->
    #   7,746 -> 7,746
    # standard deduction 8500 - 175 x 149 steps of 500 over 25,500 = 5,000 (floor 5000)
    # taxable 100,000 - 5,000 - 3000 (exemption) - 7,746 (federal tax) = 84,254
    # tax 2 % x 1,000 = 20 + 4 % x 5,000 = 200 + 5 % x 78,254 = 3,912.70 -> 4,132.70
    ("US-AL", 2025, "married_joint", "100000", "4132.70", "0.00"),
    # 2026: Alabama's own rules as in 2025; the federal tax it deducts is 2026's
    # federal: taxable 3,900, Tax Table row midpoint 3,925: 10 % x 3,925 = 392.50 -> 393
    # standard deduction 3000 (AGI not over 25,500); taxable 20,000 - 3,000 - 1500 - 393 (federal tax) = 15,107
    # tax 2 % x 500 = 10 + 4 % x 2,500 = 100 + 5 % x 12,107 = 605.35 -> 715.35
    ("US-AL", 2026, "single", "20000", "715.35", "0.00"),
    # federal: taxable 43,900, Tax Table row midpoint 43,925: 10 % x 12,400 = 1,240 + 12 % x 31,525 = 3,783 ->
    #   5,023
    # standard deduction 3000 - 25 x 69 steps of 500 over 25,500 = 1,275 -> 2,500 (floor 2500)
    # taxable 60,000 - 2,500 - 1500 - 5,023 = 50,977
    # tax 2 % x 500 = 10 + 4 % x 2,500 = 100 + 5 % x 47,977 = 2,398.85 -> 2,508.85
    ("US-AL", 2026, "single", "60000", "2508.85", "0.00"),
    # federal: taxable 383,900: 1,240 + 12 % x 38,000 = 4,560 + 22 % x 55,300 = 12,166 + 24 % x 96,075 = 23,058
    #   + 32 % x 54,450 = 17,424 + 35 % x 127,675 = 44,686.25 -> 103,134.25
    # taxable 400,000 - 2,500 - 1500 - 103,134.25 = 292,865.75
    # tax 10 + 100 + 5 % x 289,865.75 = 14,493.2875 -> 14,603.2875 -> 14,603.29
    ("US-AL", 2026, "single", "400000", "14603.29", "0.00"),
    # federal: taxable 100,000 - 32,200 = 67,800, Tax Table row midpoint 67,825: 10 % x 24,800 = 2,480 + 12 % x
    #   43,025 = 5,163 -> 7,643
    # standard deduction 8500 - 175 x 149 steps of 500 over 25,500 -> 5,000 (floor 5000)
    # taxable 100,000 - 5,000 - 3000 (exemption) - 7,643 = 84,357
    # tax 2 % x 1,000 = 20 + 4 % x 5,000 = 200 + 5 % x 78,357 = 3,917.85 -> 4,137.85
    ("US-AL", 2026, "married_joint", "100000", "4137.85", "0.00"),
    # ---- US-AR ----
    # net taxable 15,000 - 2470 = 12,530
    # 3 % x 12,530 - 223.97 = 151.93
    # - 29 personal credit = 122.93
    ("US-AR", 2025, "single", "15000", "122.93", "0.00"),
    # net taxable 60,000 - 2470 = 57,530
    # 3.9 % x 57,530 - 419.96 = 1,823.71
    # - 29 personal credit = 1,794.71
    ("US-AR", 2025, "single", "60000", "1794.71", "0.00"),
    # net taxable 96,000 - 2470 = 93,530
    # 3.9 % x 93,530 - 419.96 = 3,227.71
    # - 29 personal credit = 3,198.71
    ("US-AR", 2025, "single", "96000", "3198.71", "0.00"),
    # net taxable 300,000 - 2470 = 297,530
    # 3.9 % x 297,530 - 89.30 = 11,514.37
    # - 29 personal credit = 11,485.37
    ("US-AR", 2025, "single", "300000", "11485.37", "0.00"),
    # net taxable 100,000 - 4940 = 95,060
    # 3.9 % x 95,060 - 369.3 = 3,338.04
    # - 58 personal credit = 3,280.04
    ("US-AR", 2025, "married_joint", "100000", "3280.04", "0.00"),
    # ---- US-AZ ----
    # taxable 12,000 - 15,750 (federal standard deduction) = 0
    # tax 0
    ("US-AZ", 2025, "single", "12000", "0.00", "0.00"),
    # taxable 100,000 - 15,750 (federal standard deduction) = 84,250
    # tax 2.5 % x 84,250 = 2,106.25 -> 2,106.25
    ("US-AZ", 2025, "single", "100000", "2106.25", "0.00"),
    # taxable 250,000 - 31,500 (federal standard deduction) = 218,500
    # tax 2.5 % x 218,500 = 5,462.50 -> 5,462.50
    ("US-AZ", 2025, "married_joint", "250000", "5462.50", "0.00"),
    # taxable 80,000 - 23,625 (federal standard deduction) = 56,375
    # tax 2.5 % x 56,375 = 1,409.38 -> 1,409.38
    ("US-AZ", 2025, "head_of_household", "80000", "1409.38", "0.00"),
    # taxable 12,000 - 16,100 (federal standard deduction) = 0
    # tax 0
    ("US-AZ", 2026, "single", "12000", "0.00", "0.00"),
    # taxable 100,000 - 16,100 (federal standard deduction) = 83,900
    # tax 2.5 % x 83,900 = 2,097.50 -> 2,097.50
    ("US-AZ", 2026, "single", "100000", "2097.50", "0.00"),
    # taxable 250,000 - 32,200 (federal standard deduction) = 217,800
    # tax 2.5 % x 217,800 = 5,445 -> 5,445
    ("US-AZ", 2026, "married_joint", "250000", "5445.00", "0.00"),
    # taxable 80,000 - 24,150 (federal standard deduction) = 55,850
    # tax 2.5 % x 55,850 = 1,396.25 -> 1,396.25
    ("US-AZ", 2026, "head_of_household", "80000", "1396.25", "0.00"),
    # ---- US-CA ----
    # taxable 20,000 - 5706 = 14,294
    # tax Tax Table row 14,251-14,350, midpoint 14,301: 1 % x 11,079 = 110.79 + 2 % x 3,222 = 64.44 -> 175.23 ->
    #   175
    # exemption credit 153 - 6 x 0 steps of 2,500 over 252,203 = 153 -> 22
    # mental health tax 1 % x 0 = 0; SDI 1.2 % x 20,000 = 240
    ("US-CA", 2025, "single", "20000", "22.00", "240.00"),
    # taxable 100,000 - 5706 = 94,294
    # tax Tax Table row 94,251-94,350, midpoint 94,301: 1 % x 11,079 = 110.79 + 2 % x 15,185 = 303.70 + 4 % x
    #   15,188 = 607.52 + 6 % x 16,090 = 965.40 + 8 % x 15,182 = 1,214.56 + 9.3 % x 21,577 = 2,006.66 -> 5,208.63 ->
    #   5,209
    # exemption credit 153 - 6 x 0 steps of 2,500 over 252,203 = 153 -> 5,056
    # mental health tax 1 % x 0 = 0; SDI 1.2 % x 100,000 = 1,200
    ("US-CA", 2025, "single", "100000", "5056.00", "1200.00"),
    # taxable 300,000 - 5706 = 294,294
    # tax 1 % x 11,079 = 110.79 + 2 % x 15,185 = 303.70 + 4 % x 15,188 = 607.52 + 6 % x 16,090 = 965.40 + 8 % x
    #   15,182 = 1,214.56 + 9.3 % x 221,570 = 20,606.01 -> 23,807.98
    # exemption credit 153 - 6 x 20 steps of 2,500 over 252,203 = 33 -> 23,774.98
    # mental health tax 1 % x 0 = 0; SDI 1.2 % x 300,000 = 3,600
    ("US-CA", 2025, "single", "300000", "23774.98", "3600.00"),
    # taxable 1,500,000 - 5706 = 1,494,294
    # tax 1 % x 11,079 = 110.79 + 2 % x 15,185 = 303.70 + 4 % x 15,188 = 607.52 + 6 % x 16,090 = 965.40 + 8 % x
    #   15,182 = 1,214.56 + 9.3 % x 298,755 = 27,784.22 + 10.3 % x 74,292 = 7,652.08 + 11.3 % x 297,182 = 33,581.57
    #   + 12.3 % x 751,341 = 92,414.94 -> 164,634.77
    # exemption credit 153 - 6 x 500 steps of 2,500 over 252,203 = 0 -> 164,634.77
    # mental health tax 1 % x 494,294 = 4,942.94; SDI 1.2 % x 1,500,000 = 18,000
    ("US-CA", 2025, "single", "1500000", "169577.71", "18000.00"),
    # taxable 150,000 - 11412 = 138,588
    # tax 1 % x 22,158 = 221.58 + 2 % x 30,370 = 607.40 + 4 % x 30,376 = 1,215.04 + 6 % x 32,180 = 1,930.80 + 8 %
    #   x 23,504 = 1,880.32 -> 5,855.14
    # exemption credit 306 - 12 x 0 steps of 2,500 over 504,411 = 306 -> 5,549.14
    # mental health tax 1 % x 0 = 0; SDI 1.2 % x 150,000 = 1,800
    ("US-CA", 2025, "married_joint", "150000", "5549.14", "1800.00"),
    # taxable 520,000 - 11412 = 508,588
    # tax 1 % x 22,173 = 221.73 + 2 % x 30,357 = 607.14 + 4 % x 15,186 = 607.44 + 6 % x 16,089 = 965.34 + 8 % x
    #   15,185 = 1,214.80 + 9.3 % x 406,218 = 37,778.27 + 10.3 % x 3,380 = 348.14 -> 41,742.86
    # exemption credit 153 - 6 x 57 steps of 2,500 over 378,310 = 0 -> 41,742.86
    # mental health tax 1 % x 0 = 0; SDI 1.2 % x 520,000 = 6,240
    ("US-CA", 2025, "head_of_household", "520000", "41742.86", "6240.00"),
    # ---- US-CO ----
    # deduction 15,750 (federal standard deduction)
    # 4.4 % x (30,000 - 15,750) = 627
    # FAMLI 0.45 % x 30,000 = 135
    ("US-CO", 2025, "single", "30000", "627.00", "135.00"),
    # deduction 15,750 (federal standard deduction)
    # 4.4 % x (120,000 - 15,750) = 4,587
    # FAMLI 0.45 % x 120,000 = 540
    ("US-CO", 2025, "single", "120000", "4587.00", "540.00"),
    # deduction 12,000 (over 300,000: federal standard deduction kept only up to 12,000)
    # 4.4 % x (500,000 - 12,000) = 21,472
    # FAMLI 0.45 % x 176,100 = 792.45
    ("US-CO", 2025, "single", "500000", "21472.00", "792.45"),
    # deduction 16,100 (federal standard deduction)
    # 4.4 % x (30,000 - 16,100) = 611.60
    # FAMLI 0.44 % x 30,000 = 132
    ("US-CO", 2026, "single", "30000", "611.60", "132.00"),
    # deduction 16,100 (federal standard deduction)
    # 4.4 % x (120,000 - 16,100) = 4,571.60
    # FAMLI 0.44 % x 120,000 = 528
    ("US-CO", 2026, "single", "120000", "4571.60", "528.00"),
    # deduction 1,000 (over 300,000: federal standard deduction kept only up to 1,000)
    # 4.4 % x (500,000 - 1,000) = 21,956
    # FAMLI 0.44 % x 184,500 = 811.80
    ("US-CO", 2026, "single", "500000", "21956.00", "811.80"),
    # ---- US-CT ----
    # exemption 15000 - 1,000 x ceil(max(0, 25,000 - 30000) / 1,000) = 15000; taxable 10,000
    # tax 2 % x 10,000 = 200 -> 200
    # add-back 0 + recapture 0 + 0 + 0 -> 200
    # personal tax credit decimal 0.35: 200 x (1 - 0.35) = 130
    # Paid Leave 0.5 % x 25,000 = 125
    ("US-CT", 2025, "single", "25000", "130.00", "125.00"),
    # exemption 15000 - 1,000 x ceil(max(0, 60,000 - 30000) / 1,000) = 0; taxable 60,000
    # tax 2 % x 10,000 = 200 + 4.5 % x 40,000 = 1,800 + 5.5 % x 10,000 = 550 -> 2,550
    # add-back 25 + recapture 0 + 0 + 0 -> 2,575
    # personal tax credit decimal 0.1: 2,575 x (1 - 0.1) = 2,317.50
    # Paid Leave 0.5 % x 60,000 = 300
    ("US-CT", 2025, "single", "60000", "2317.50", "300.00"),
    # exemption 15000 - 1,000 x ceil(max(0, 150,000 - 30000) / 1,000) = 0; taxable 150,000
    # tax 2 % x 10,000 = 200 + 4.5 % x 40,000 = 1,800 + 5.5 % x 50,000 = 2,750 + 6 % x 50,000 = 3,000 -> 7,750
    # add-back 250 + recapture 225 + 0 + 0 -> 8,225
    # personal tax credit decimal 0: 8,225 x (1 - 0) = 8,225
    # Paid Leave 0.5 % x 150,000 = 750
    ("US-CT", 2025, "single", "150000", "8225.00", "750.00"),
    # exemption 15000 - 1,000 x ceil(max(0, 700,000 - 30000) / 1,000) = 0; taxable 700,000
    # tax 2 % x 10,000 = 200 + 4.5 % x 40,000 = 1,800 + 5.5 % x 50,000 = 2,750 + 6 % x 100,000 = 6,000 + 6.5 % x
    #   50,000 = 3,250 + 6.9 % x 250,000 = 17,250 + 6.99 % x 200,000 = 13,980 -> 45,230
    # add-back 250 + recapture 250 + 2700 + 450 -> 48,880
    # personal tax credit decimal 0: 48,880 x (1 - 0) = 48,880
    # Paid Leave 0.5 % x 176,100 = 880.50
    ("US-CT", 2025, "single", "700000", "48880.00", "880.50"),
    # exemption 24000 - 1,000 x ceil(max(0, 98,200 - 48000) / 1,000) = 0; taxable 98,200
    # tax 2 % x 20,000 = 400 + 4.5 % x 78,200 = 3,519 -> 3,919
    # add-back 0 + recapture 0 + 0 + 0 -> 3,919
    # personal tax credit decimal 0.05: 3,919 x (1 - 0.05) = 3,723.05
    # Paid Leave 0.5 % x 98,200 = 491
    ("US-CT", 2025, "married_joint", "98200", "3723.05", "491.00"),
    # 2026: Connecticut's income tax rules as in 2025 (the cases above); Paid Leave capped at the 2026 Social
    # Security base, 184,500.
    # exemption 15000 (AGI not over 30000); taxable 10,000; 2 % x 10,000 = 200; credit 0.35: 200 x 0.65 = 130
    # Paid Leave 0.5 % x 25,000 = 125
    ("US-CT", 2026, "single", "25000", "130.00", "125.00"),
    # taxable 700,000: 45,230 + add-back 250 + recapture 250 + 2700 + 450 = 48,880 (worked in the 2025 case)
    # Paid Leave 0.5 % x 184,500 = 922.50
    ("US-CT", 2026, "single", "700000", "48880.00", "922.50"),
    # exemption 15000 - 1,000 x ceil(max(0, 60,000 - 30000) / 1,000) = 0; taxable 60,000
    # tax 2 % x 10,000 = 200 + 4.5 % x 40,000 = 1,800 + 5.5 % x 10,000 = 550 -> 2,550
    # add-back 25 + recapture 0 + 0 + 0 -> 2,575
    # personal tax credit decimal 0.1: 2,575 x (1 - 0.1) = 2,317.50
    # Paid Leave 0.5 % x 60,000 = 300
    ("US-CT", 2026, "single", "60000", "2317.50", "300.00"),
    # ---- US-DC ----
    # taxable 20,000 - 15,000 (standard deduction) = 5,000
    # tax 4 % x 5,000 = 200 -> 200
    ("US-DC", 2025, "single", "20000", "200.00", "0.00"),
    # taxable 100,000 - 15,000 (standard deduction) = 85,000
    # tax 4 % x 10,000 = 400 + 6 % x 30,000 = 1,800 + 6.5 % x 20,000 = 1,300 + 8.5 % x 25,000 = 2,125 -> 5,625
    ("US-DC", 2025, "single", "100000", "5625.00", "0.00"),
    # taxable 1,200,000 - 15,000 (standard deduction) = 1,185,000
    # tax 4 % x 10,000 = 400 + 6 % x 30,000 = 1,800 + 6.5 % x 20,000 = 1,300 + 8.5 % x 190,000 = 16,150 + 9.25 % x
    #   250,000 = 23,125 + 9.75 % x 500,000 = 48,750 + 10.75 % x 185,000 = 19,887.50 -> 111,412.50
    ("US-DC", 2025, "single", "1200000", "111412.50", "0.00"),
    # ---- US-DE ----
    # taxable 15,000 - 3,250 (standard deduction) = 11,750
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 1,750 = 84 -> 345
    # - 110 personal credit = 235
    # Paid Leave: 0.4 % x 15,000 = 60
    ("US-DE", 2025, "single", "15000", "235.00", "60.00"),
    # taxable 90,000 - 3,250 (standard deduction) = 86,750
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 10,000 = 480 + 5.2 % x 5,000 = 260 + 5.55 % x 35,000
    #   = 1,942.50 + 6.6 % x 26,750 = 1,765.50 -> 4,709
    # - 110 personal credit = 4,599
    # Paid Leave: 0.4 % x 90,000 = 360
    ("US-DE", 2025, "single", "90000", "4599.00", "360.00"),
    # taxable 300,000 - 6,500 (standard deduction) = 293,500
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 10,000 = 480 + 5.2 % x 5,000 = 260 + 5.55 % x 35,000
    #   = 1,942.50 + 6.6 % x 233,500 = 15,411 -> 18,354.50
    # - 220 personal credit = 18,134.50
    # Paid Leave: 0.4 % x 176,100 = 704.40
    ("US-DE", 2025, "married_joint", "300000", "18134.50", "704.40"),
    # taxable 15,000 - 3,250 (standard deduction) = 11,750
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 1,750 = 84 -> 345
    # - 110 personal credit = 235
    # Paid Leave: 0.4 % x 15,000 = 60
    ("US-DE", 2026, "single", "15000", "235.00", "60.00"),
    # taxable 90,000 - 3,250 (standard deduction) = 86,750
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 10,000 = 480 + 5.2 % x 5,000 = 260 + 5.55 % x 35,000
    #   = 1,942.50 + 6.6 % x 26,750 = 1,765.50 -> 4,709
    # - 110 personal credit = 4,599
    # Paid Leave: 0.4 % x 90,000 = 360
    ("US-DE", 2026, "single", "90000", "4599.00", "360.00"),
    # taxable 300,000 - 6,500 (standard deduction) = 293,500
    # tax 2.2 % x 3,000 = 66 + 3.9 % x 5,000 = 195 + 4.8 % x 10,000 = 480 + 5.2 % x 5,000 = 260 + 5.55 % x 35,000
    #   = 1,942.50 + 6.6 % x 233,500 = 15,411 -> 18,354.50
    # - 220 personal credit = 18,134.50
    # Paid Leave: 0.4 % x 184,500 = 738
    ("US-DE", 2026, "married_joint", "300000", "18134.50", "738.00"),
    # ---- US-FL ----
    # no state income tax, no employee contribution
    ("US-FL", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-FL", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-FL", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-FL", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-FL", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-FL", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-GA ----
    # taxable 20,000 - 12,000 (standard deduction) = 8,000
    # tax 5.19 % x 8,000 = 415.20 -> 415.20
    ("US-GA", 2025, "single", "20000", "415.20", "0.00"),
    # taxable 85,000 - 12,000 (standard deduction) = 73,000
    # tax 5.19 % x 73,000 = 3,788.70 -> 3,788.70
    ("US-GA", 2025, "single", "85000", "3788.70", "0.00"),
    # taxable 400,000 - 24,000 (standard deduction) = 376,000
    # tax 5.19 % x 376,000 = 19,514.40 -> 19,514.40
    ("US-GA", 2025, "married_joint", "400000", "19514.40", "0.00"),
    # taxable 20,000 - 15,000 (standard deduction) = 5,000
    # tax 4.99 % x 5,000 = 249.50 -> 249.50
    ("US-GA", 2026, "single", "20000", "249.50", "0.00"),
    # taxable 85,000 - 15,000 (standard deduction) = 70,000
    # tax 4.99 % x 70,000 = 3,493 -> 3,493
    ("US-GA", 2026, "single", "85000", "3493.00", "0.00"),
    # taxable 400,000 - 30,000 (standard deduction) = 370,000
    # tax 4.99 % x 370,000 = 18,463 -> 18,463
    ("US-GA", 2026, "married_joint", "400000", "18463.00", "0.00"),
    # ---- US-HI ----
    # taxable 25,000 - 4,400 (standard deduction) - 1,144 (exemptions) = 19,456
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 4,800 = 264 + 6.4 % x 256 = 16.38 -> 568.38
    # TDI: 0.5 % x 25,000 = 125
    # TDI wage cap 52 x 1441.72 = 74,969.44
    ("US-HI", 2025, "single", "25000", "568.38", "125.00"),
    # taxable 90,000 - 4,400 (standard deduction) - 1,144 (exemptions) = 84,456
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 4,800 = 264 + 6.4 % x 4,800 = 307.20 + 6.8 % x
    #   12,000 = 816 + 7.2 % x 12,000 = 864 + 7.6 % x 36,456 = 2,770.66 -> 5,309.86
    # TDI: 0.5 % x 74,969.44 = 374.85
    # TDI wage cap 52 x 1441.72 = 74,969.44
    ("US-HI", 2025, "single", "90000", "5309.86", "374.85"),
    # taxable 500,000 - 4,400 (standard deduction) - 1,144 (exemptions) = 494,456
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 4,800 = 264 + 6.4 % x 4,800 = 307.20 + 6.8 % x
    #   12,000 = 816 + 7.2 % x 12,000 = 864 + 7.6 % x 77,000 = 5,852 + 7.9 % x 50,000 = 3,950 + 8.25 % x 50,000 =
    #   4,125 + 9 % x 50,000 = 4,500 + 10 % x 50,000 = 5,000 + 11 % x 169,456 = 18,640.16 -> 44,606.36
    # TDI: 0.5 % x 74,969.44 = 374.85
    # TDI wage cap 52 x 1441.72 = 74,969.44
    ("US-HI", 2025, "single", "500000", "44606.36", "374.85"),
    # taxable 150,000 - 8,800 (standard deduction) - 2,288 (exemptions) = 138,912
    # tax 1.4 % x 19,200 = 268.80 + 3.2 % x 9,600 = 307.20 + 5.5 % x 9,600 = 528 + 6.4 % x 9,600 = 614.40 + 6.8 %
    #   x 24,000 = 1,632 + 7.2 % x 24,000 = 1,728 + 7.6 % x 42,912 = 3,261.31 -> 8,339.71
    # TDI: 0.5 % x 74,969.44 = 374.85
    # TDI wage cap 52 x 1441.72 = 74,969.44
    ("US-HI", 2025, "married_joint", "150000", "8339.71", "374.85"),
    # taxable 25,000 - 8,000 (standard deduction) - 1,144 (exemptions) = 15,856
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 1,456 = 80.08 -> 368.08
    # TDI: 0.5 % x 25,000 = 125
    # TDI wage cap 52 x 1500.21 = 78,010.92
    ("US-HI", 2026, "single", "25000", "368.08", "125.00"),
    # taxable 90,000 - 8,000 (standard deduction) - 1,144 (exemptions) = 80,856
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 4,800 = 264 + 6.4 % x 4,800 = 307.20 + 6.8 % x
    #   12,000 = 816 + 7.2 % x 12,000 = 864 + 7.6 % x 32,856 = 2,497.06 -> 5,036.26
    # TDI: 0.5 % x 78,010.92 = 390.05
    # TDI wage cap 52 x 1500.21 = 78,010.92
    ("US-HI", 2026, "single", "90000", "5036.26", "390.05"),
    # taxable 500,000 - 8,000 (standard deduction) - 1,144 (exemptions) = 490,856
    # tax 1.4 % x 9,600 = 134.40 + 3.2 % x 4,800 = 153.60 + 5.5 % x 4,800 = 264 + 6.4 % x 4,800 = 307.20 + 6.8 % x
    #   12,000 = 816 + 7.2 % x 12,000 = 864 + 7.6 % x 77,000 = 5,852 + 7.9 % x 50,000 = 3,950 + 8.25 % x 50,000 =
    #   4,125 + 9 % x 50,000 = 4,500 + 10 % x 50,000 = 5,000 + 11 % x 165,856 = 18,244.16 -> 44,210.36
    # TDI: 0.5 % x 78,010.92 = 390.05
    # TDI wage cap 52 x 1500.21 = 78,010.92
    ("US-HI", 2026, "single", "500000", "44210.36", "390.05"),
    # taxable 150,000 - 16,000 (standard deduction) - 2,288 (exemptions) = 131,712
    # tax 1.4 % x 19,200 = 268.80 + 3.2 % x 9,600 = 307.20 + 5.5 % x 9,600 = 528 + 6.4 % x 9,600 = 614.40 + 6.8 %
    #   x 24,000 = 1,632 + 7.2 % x 24,000 = 1,728 + 7.6 % x 35,712 = 2,714.11 -> 7,792.51
    # TDI: 0.5 % x 78,010.92 = 390.05
    # TDI wage cap 52 x 1500.21 = 78,010.92
    ("US-HI", 2026, "married_joint", "150000", "7792.51", "390.05"),
    # ---- US-IA ----
    # taxable 30,000 - 15,750 (federal standard deduction) = 14,250
    # tax 3.8 % x 14,250 = 541.50 -> 541.50
    ("US-IA", 2025, "single", "30000", "541.50", "0.00"),
    # taxable 150,000 - 15,750 (federal standard deduction) = 134,250
    # tax 3.8 % x 134,250 = 5,101.50 -> 5,101.50
    ("US-IA", 2025, "single", "150000", "5101.50", "0.00"),
    # taxable 90,000 - 31,500 (federal standard deduction) = 58,500
    # tax 3.8 % x 58,500 = 2,223 -> 2,223
    ("US-IA", 2025, "married_joint", "90000", "2223.00", "0.00"),
    # taxable 30,000 - 16,100 (federal standard deduction) = 13,900
    # tax 3.8 % x 13,900 = 528.20 -> 528.20
    ("US-IA", 2026, "single", "30000", "528.20", "0.00"),
    # taxable 150,000 - 16,100 (federal standard deduction) = 133,900
    # tax 3.8 % x 133,900 = 5,088.20 -> 5,088.20
    ("US-IA", 2026, "single", "150000", "5088.20", "0.00"),
    # taxable 90,000 - 32,200 (federal standard deduction) = 57,800
    # tax 3.8 % x 57,800 = 2,196.40 -> 2,196.40
    ("US-IA", 2026, "married_joint", "90000", "2196.40", "0.00"),
    # ---- US-ID ----
    # taxable 18,000 - 15,750 (federal standard deduction) = 2,250
    # tax 0
    ("US-ID", 2025, "single", "18000", "0.00", "0.00"),
    # taxable 95,000 - 15,750 (federal standard deduction) = 79,250
    # tax 5.3 % x 74,439 = 3,945.27 -> 3,945.27
    ("US-ID", 2025, "single", "95000", "3945.27", "0.00"),
    # taxable 60,000 - 23,625 (federal standard deduction) = 36,375
    # tax 5.3 % x 26,753 = 1,417.91 -> 1,417.91
    ("US-ID", 2025, "head_of_household", "60000", "1417.91", "0.00"),
    # ---- US-IL ----
    # taxable 30,000 - 2,850 (exemption (none over the AGI limit)) = 27,150
    # tax 4.95 % x 27,150 = 1,343.92 -> 1,343.92
    ("US-IL", 2025, "single", "30000", "1343.93", "0.00"),
    # taxable 250,000 - 2,850 (exemption (none over the AGI limit)) = 247,150
    # tax 4.95 % x 247,150 = 12,233.92 -> 12,233.92
    ("US-IL", 2025, "single", "250000", "12233.93", "0.00"),
    # taxable 250,000.01 - 0 (exemption (none over the AGI limit)) = 250,000.01
    # tax 4.95 % x 250,000.01 = 12,375 -> 12,375
    ("US-IL", 2025, "single", "250000.01", "12375.00", "0.00"),
    # taxable 400,000 - 5,700 (exemption (none over the AGI limit)) = 394,300
    # tax 4.95 % x 394,300 = 19,517.85 -> 19,517.85
    ("US-IL", 2025, "married_joint", "400000", "19517.85", "0.00"),
    # ---- US-IN ----
    # taxable 25,000 - 1,000 (personal exemptions) = 24,000
    # tax 3 % x 24,000 = 720 -> 720
    ("US-IN", 2025, "single", "25000", "720.00", "0.00"),
    # taxable 110,000 - 1,000 (personal exemptions) = 109,000
    # tax 3 % x 109,000 = 3,270 -> 3,270
    ("US-IN", 2025, "single", "110000", "3270.00", "0.00"),
    # taxable 500,000 - 2,000 (personal exemptions) = 498,000
    # tax 3 % x 498,000 = 14,940 -> 14,940
    ("US-IN", 2025, "married_joint", "500000", "14940.00", "0.00"),
    # taxable 25,000 - 1,000 (personal exemptions) = 24,000
    # tax 2.95 % x 24,000 = 708 -> 708
    ("US-IN", 2026, "single", "25000", "708.00", "0.00"),
    # taxable 110,000 - 1,000 (personal exemptions) = 109,000
    # tax 2.95 % x 109,000 = 3,215.50 -> 3,215.50
    ("US-IN", 2026, "single", "110000", "3215.50", "0.00"),
    # taxable 500,000 - 2,000 (personal exemptions) = 498,000
    # tax 2.95 % x 498,000 = 14,691 -> 14,691
    ("US-IN", 2026, "married_joint", "500000", "14691.00", "0.00"),
    # ---- US-KS ----
    # taxable 20,000 - 3,605 (standard deduction) - 9,160 (exemption) = 7,235
    # tax 5.2 % x 7,235 = 376.22 -> 376.22
    ("US-KS", 2025, "single", "20000", "376.22", "0.00"),
    # taxable 120,000 - 3,605 (standard deduction) - 9,160 (exemption) = 107,235
    # tax 5.2 % x 23,000 = 1,196 + 5.58 % x 84,235 = 4,700.31 -> 5,896.31
    ("US-KS", 2025, "single", "120000", "5896.31", "0.00"),
    # taxable 60,000 - 6,180 (standard deduction) - 11,480 (exemption) = 42,340
    # tax 5.2 % x 23,000 = 1,196 + 5.58 % x 19,340 = 1,079.17 -> 2,275.17
    ("US-KS", 2025, "head_of_household", "60000", "2275.17", "0.00"),
    # taxable 20,000 - 3,605 (standard deduction) - 9,160 (exemption) = 7,235
    # tax 5.2 % x 7,235 = 376.22 -> 376.22
    ("US-KS", 2026, "single", "20000", "376.22", "0.00"),
    # taxable 120,000 - 3,605 (standard deduction) - 9,160 (exemption) = 107,235
    # tax 5.2 % x 23,000 = 1,196 + 5.58 % x 84,235 = 4,700.31 -> 5,896.31
    ("US-KS", 2026, "single", "120000", "5896.31", "0.00"),
    # taxable 60,000 - 6,180 (standard deduction) - 11,480 (exemption) = 42,340
    # tax 5.2 % x 23,000 = 1,196 + 5.58 % x 19,340 = 1,079.17 -> 2,275.17
    ("US-KS", 2026, "head_of_household", "60000", "2275.17", "0.00"),
    # ---- US-KY ----
    # taxable 20,000 - 3,270 (standard deduction) = 16,730
    # tax 4 % x 16,730 = 669.20 -> 669.20
    ("US-KY", 2025, "single", "20000", "669.20", "0.00"),
    # taxable 140,000 - 3,270 (standard deduction) = 136,730
    # tax 4 % x 136,730 = 5,469.20 -> 5,469.20
    ("US-KY", 2025, "single", "140000", "5469.20", "0.00"),
    # taxable 70,000 - 3,270 (standard deduction) = 66,730
    # tax 4 % x 66,730 = 2,669.20 -> 2,669.20
    ("US-KY", 2025, "married_joint", "70000", "2669.20", "0.00"),
    # taxable 20,000 - 3,360 (standard deduction) = 16,640
    # tax 3.5 % x 16,640 = 582.40 -> 582.40
    ("US-KY", 2026, "single", "20000", "582.40", "0.00"),
    # taxable 140,000 - 3,360 (standard deduction) = 136,640
    # tax 3.5 % x 136,640 = 4,782.40 -> 4,782.40
    ("US-KY", 2026, "single", "140000", "4782.40", "0.00"),
    # taxable 70,000 - 3,360 (standard deduction) = 66,640
    # tax 3.5 % x 66,640 = 2,332.40 -> 2,332.40
    ("US-KY", 2026, "married_joint", "70000", "2332.40", "0.00"),
    # ---- US-LA ----
    # taxable 20,000 - 12,500 (standard deduction) = 7,500
    # tax 3 % x 7,500 = 225 -> 225
    ("US-LA", 2025, "single", "20000", "225.00", "0.00"),
    # taxable 200,000 - 12,500 (standard deduction) = 187,500
    # tax 3 % x 187,500 = 5,625 -> 5,625
    ("US-LA", 2025, "single", "200000", "5625.00", "0.00"),
    # taxable 60,000 - 25,000 (standard deduction) = 35,000
    # tax 3 % x 35,000 = 1,050 -> 1,050
    ("US-LA", 2025, "head_of_household", "60000", "1050.00", "0.00"),
    # taxable 20,000 - 12,838 (standard deduction) = 7,162
    # tax 3 % x 7,162 = 214.86 -> 214.86
    ("US-LA", 2026, "single", "20000", "214.86", "0.00"),
    # taxable 200,000 - 12,838 (standard deduction) = 187,162
    # tax 3 % x 187,162 = 5,614.86 -> 5,614.86
    ("US-LA", 2026, "single", "200000", "5614.86", "0.00"),
    # taxable 60,000 - 25,676 (standard deduction) = 34,324
    # tax 3 % x 34,324 = 1,029.72 -> 1,029.72
    ("US-LA", 2026, "head_of_household", "60000", "1029.72", "0.00"),
    # ---- US-MA ----
    # AGI 8,000 <= 8000: no tax status
    # PFML 0.46 % x 8,000 = 36.80
    ("US-MA", 2025, "single", "8000", "0.00", "36.80"),
    # taxable 8,000.01 - 4,400 (personal exemption) = 3,600.01
    # tax 5 % x 3,600.01 = 180 -> 180
    # PFML: 0.46 % x 8,000.01 = 36.80
    ("US-MA", 2025, "single", "8000.01", "180.00", "36.80"),
    # taxable 120,000 - 4,400 (personal exemption) = 115,600
    # tax 5 % x 115,600 = 5,780 -> 5,780
    # PFML: 0.46 % x 120,000 = 552
    ("US-MA", 2025, "single", "120000", "5780.00", "552.00"),
    # taxable 1,500,000 - 4,400 (personal exemption) = 1,495,600
    # tax 5 % x 1,083,150 = 54,157.50 + 9 % x 412,450 = 37,120.50 -> 91,278
    # PFML: 0.46 % x 176,100 = 810.06
    ("US-MA", 2025, "single", "1500000", "91278.00", "810.06"),
    # taxable 100,000 - 8,800 (personal exemption) = 91,200
    # tax 5 % x 91,200 = 4,560 -> 4,560
    # PFML: 0.46 % x 100,000 = 460
    ("US-MA", 2025, "married_joint", "100000", "4560.00", "460.00"),
    # ---- US-MD ----
    # exemption 1 x 3200; taxable 30,000 - 3350 - 3200 = 23,450
    # state 2 % x 1,000 = 20 + 3 % x 1,000 = 30 + 4 % x 1,000 = 40 + 4.75 % x 20,450 = 971.38 -> 1,061.38
    # county 3.20 % x 23,450 = 750.40; total 1,811.78
    ("US-MD", 2025, "single", "30000", "1811.78", "0.00"),
    # exemption 1 x 1600; taxable 120,000 - 3350 - 1600 = 115,050
    # state 2 % x 1,000 = 20 + 3 % x 1,000 = 30 + 4 % x 1,000 = 40 + 4.75 % x 97,000 = 4,607.50 + 5 % x 15,050 =
    #   752.50 -> 5,450
    # county 3.20 % x 115,050 = 3,681.60; total 9,131.60
    ("US-MD", 2025, "single", "120000", "9131.60", "0.00"),
    # exemption 1 x 0; taxable 1,500,000 - 3350 - 0 = 1,496,650
    # state 2 % x 1,000 = 20 + 3 % x 1,000 = 30 + 4 % x 1,000 = 40 + 4.75 % x 97,000 = 4,607.50 + 5 % x 25,000 =
    #   1,250 + 5.25 % x 25,000 = 1,312.50 + 5.5 % x 100,000 = 5,500 + 5.75 % x 250,000 = 14,375 + 6.25 % x 500,000
    #   = 31,250 + 6.5 % x 496,650 = 32,282.25 -> 90,667.25
    # county 3.20 % x 1,496,650 = 47,892.80; total 138,560.05
    ("US-MD", 2025, "single", "1500000", "138560.05", "0.00"),
    # exemption 2 x 800; taxable 180,000 - 6700 - 1600 = 171,700
    # state 2 % x 1,000 = 20 + 3 % x 1,000 = 30 + 4 % x 1,000 = 40 + 4.75 % x 147,000 = 6,982.50 + 5 % x 21,700 =
    #   1,085 -> 8,157.50
    # county 3.20 % x 171,700 = 5,494.40; total 13,651.90
    ("US-MD", 2025, "married_joint", "180000", "13651.90", "0.00"),
    # ---- US-ME ----
    # standard deduction 15000 x (1 - 0) = 15,000; exemption 5150 x (1 - 0) = 5,150
    # taxable 19,850: 5.8 % x 19,850 = 1,151.30 -> 1,151.30
    # surcharge 2 % over 1,000,000 (2026 only) = 0
    # PFML 0.5 % = 200
    ("US-ME", 2025, "single", "40000", "1151.30", "200.00"),
    # standard deduction 15000 x (1 - 0.67) = 5,000; exemption 5150 x (1 - 0) = 5,150
    # taxable 139,850: 5.8 % x 26,800 = 1,554.40 + 6.75 % x 36,650 = 2,473.88 + 7.15 % x 76,400 = 5,462.60 ->
    #   9,490.88
    # surcharge 2 % over 1,000,000 (2026 only) = 0
    # PFML 0.5 % = 750
    ("US-ME", 2025, "single", "150000", "9490.88", "750.00"),
    # standard deduction 15000 x (1 - 1) = 0; exemption 5150 x (1 - 1) = 0
    # taxable 1,200,000: 5.8 % x 26,800 = 1,554.40 + 6.75 % x 36,650 = 2,473.88 + 7.15 % x 1,136,550 = 81,263.32
    #   -> 85,291.60
    # surcharge 2 % over 1,000,000 (2026 only) = 0
    # PFML 0.5 % = 880.50
    ("US-ME", 2025, "single", "1200000", "85291.60", "880.50"),
    # standard deduction 15700 x (1 - 0) = 15,700; exemption 5150 x (1 - 0) = 5,150
    # taxable 19,150: 5.8 % x 19,150 = 1,110.70 -> 1,110.70
    # surcharge 2 % over 1,000,000 (2026 only) = 0
    # PFML 0.5 % = 200
    ("US-ME", 2026, "single", "40000", "1110.70", "200.00"),
    # standard deduction 15700 x (1 - 0.64) = 5,704.33; exemption 5150 x (1 - 0) = 5,150
    # taxable 139,145.67: 5.8 % x 27,400 = 1,589.20 + 6.75 % x 37,450 = 2,527.88 + 7.15 % x 74,295.67 = 5,312.14
    #   -> 9,429.22
    # surcharge 2 % over 1,000,000 (2026 only) = 0
    # PFML 0.5 % = 750
    ("US-ME", 2026, "single", "150000", "9429.22", "750.00"),
    # standard deduction 15700 x (1 - 1) = 0; exemption 5150 x (1 - 1) = 0
    # taxable 1,200,000: 5.8 % x 27,400 = 1,589.20 + 6.75 % x 37,450 = 2,527.88 + 7.15 % x 1,135,150 = 81,163.22
    #   -> 85,280.30
    # surcharge 2 % over 1,000,000 (2026 only) = 4,000
    # PFML 0.5 % = 922.50
    ("US-ME", 2026, "single", "1200000", "89280.30", "922.50"),
    # ---- US-MI ----
    # taxable 20,000 - 5,800 (personal exemptions) = 14,200
    # tax 4.25 % x 14,200 = 603.50 -> 603.50
    ("US-MI", 2025, "single", "20000", "603.50", "0.00"),
    # taxable 100,000 - 5,800 (personal exemptions) = 94,200
    # tax 4.25 % x 94,200 = 4,003.50 -> 4,003.50
    ("US-MI", 2025, "single", "100000", "4003.50", "0.00"),
    # taxable 300,000 - 11,600 (personal exemptions) = 288,400
    # tax 4.25 % x 288,400 = 12,257 -> 12,257
    ("US-MI", 2025, "married_joint", "300000", "12257.00", "0.00"),
    # taxable 20,000 - 5,900 (personal exemptions) = 14,100
    # tax 4.25 % x 14,100 = 599.25 -> 599.25
    ("US-MI", 2026, "single", "20000", "599.25", "0.00"),
    # taxable 100,000 - 5,900 (personal exemptions) = 94,100
    # tax 4.25 % x 94,100 = 3,999.25 -> 3,999.25
    ("US-MI", 2026, "single", "100000", "3999.25", "0.00"),
    # taxable 300,000 - 11,800 (personal exemptions) = 288,200
    # tax 4.25 % x 288,200 = 12,248.50 -> 12,248.50
    ("US-MI", 2026, "married_joint", "300000", "12248.50", "0.00"),
    # ---- US-MN ----
    # standard deduction 14950 - min(80 %, 3 % over 238,950 + 10 % over 330,300) 0 = 14,950
    # taxable 15,050: 5.35 % x 15,050 = 805.18 -> 805.18
    # Paid Leave (2026) 0.44 % = 0
    ("US-MN", 2025, "single", "30000", "805.18", "0.00"),
    # standard deduction 14950 - min(80 %, 3 % over 238,950 + 10 % over 330,300) 0 = 14,950
    # taxable 135,050: 5.35 % x 32,570 = 1,742.50 + 6.8 % x 74,420 = 5,060.56 + 7.85 % x 28,060 = 2,202.71 ->
    #   9,005.76
    # Paid Leave (2026) 0.44 % = 0
    ("US-MN", 2025, "single", "150000", "9005.77", "0.00"),
    # standard deduction 14950 - min(80 %, 3 % over 238,950 + 10 % over 330,300) 1,831.50 = 13,118.50
    # taxable 286,881.50: 5.35 % x 32,570 = 1,742.50 + 6.8 % x 74,420 = 5,060.56 + 7.85 % x 91,640 = 7,193.74 +
    #   9.85 % x 88,251.50 = 8,692.77 -> 22,689.57
    # Paid Leave (2026) 0.44 % = 0
    ("US-MN", 2025, "single", "300000", "22689.57", "0.00"),
    # standard deduction 29900 - min(80 %, 3 % over 238,950 + 10 % over 330,300) 23,920 = 5,980
    # taxable 694,020: 5.35 % x 47,620 = 2,547.67 + 6.8 % x 141,560 = 9,626.08 + 7.85 % x 141,230 = 11,086.56 +
    #   9.85 % x 363,610 = 35,815.58 -> 59,075.89
    # Paid Leave (2026) 0.44 % = 0
    ("US-MN", 2025, "married_joint", "700000", "59075.89", "0.00"),
    # standard deduction 15300 - min(80 %, 3 % over 244,400 + 10 % over 337,800) 0 = 15,300
    # taxable 14,700: 5.35 % x 14,700 = 786.45 -> 786.45
    # Paid Leave (2026) 0.44 % = 132
    ("US-MN", 2026, "single", "30000", "786.45", "132.00"),
    # standard deduction 15300 - min(80 %, 3 % over 244,400 + 10 % over 337,800) 0 = 15,300
    # taxable 134,700: 5.35 % x 33,310 = 1,782.08 + 6.8 % x 76,120 = 5,176.16 + 7.85 % x 25,270 = 1,983.70 ->
    #   8,941.94
    # Paid Leave (2026) 0.44 % = 660
    ("US-MN", 2026, "single", "150000", "8941.94", "660.00"),
    # standard deduction 15300 - min(80 %, 3 % over 244,400 + 10 % over 337,800) 1,668 = 13,632
    # taxable 286,368: 5.35 % x 33,310 = 1,782.08 + 6.8 % x 76,120 = 5,176.16 + 7.85 % x 93,720 = 7,357.02 + 9.85
    #   % x 83,218 = 8,196.97 -> 22,512.24
    # Paid Leave (2026) 0.44 % = 811.80
    ("US-MN", 2026, "single", "300000", "22512.24", "811.80"),
    # standard deduction 30600 - min(80 %, 3 % over 244,400 + 10 % over 337,800) 24,480 = 6,120
    # taxable 693,880: 5.35 % x 48,700 = 2,605.45 + 6.8 % x 144,780 = 9,845.04 + 7.85 % x 144,450 = 11,339.32 +
    #   9.85 % x 355,950 = 35,061.08 -> 58,850.89
    # Paid Leave (2026) 0.44 % = 811.80
    ("US-MN", 2026, "married_joint", "700000", "58850.89", "811.80"),
    # ---- US-MO ----
    # federal: taxable 14,250, Tax Table row midpoint 14,275: 10 % x 11,925 = 1,192.50 + 12 % x 2,350 = 282 ->
    #   1,474.50 -> 1,475
    # federal tax deduction 0.25 x 1,475 = 368.75
    # taxable 30,000 - 15,750 - 368.75 = 13,881.25
    # tax 2 % x 1,313 = 26.26 + 2.5 % x 1,313 = 32.82 + 3 % x 1,313 = 39.39 + 3.5 % x 1,313 = 45.96 + 4 % x 1,313
    #   = 52.52 + 4.5 % x 1,313 = 59.08 + 4.7 % x 4,690.25 = 220.44 -> 476.48
    ("US-MO", 2025, "single", "30000", "476.48", "0.00"),
    # federal: taxable 64,250, Tax Table row midpoint 64,275: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 +
    #   22 % x 15,800 = 3,476 -> 9,054.50 -> 9,055
    # federal tax deduction 0.15 x 9,055 = 1,358.25
    # taxable 80,000 - 15,750 - 1,358.25 = 62,891.75
    # tax 2 % x 1,313 = 26.26 + 2.5 % x 1,313 = 32.82 + 3 % x 1,313 = 39.39 + 3.5 % x 1,313 = 45.96 + 4 % x 1,313
    #   = 52.52 + 4.5 % x 1,313 = 59.08 + 4.7 % x 53,700.75 = 2,523.94 -> 2,779.97
    ("US-MO", 2025, "single", "80000", "2779.97", "0.00"),
    # federal: taxable 384,250: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 + 22 % x 54,875 = 12,072.50 + 24
    #   % x 93,950 = 22,548 + 32 % x 53,225 = 17,032 + 35 % x 133,725 = 46,803.75 -> 104,034.75
    # federal tax deduction 0 x 104,034.75 = 0
    # taxable 400,000 - 15,750 - 0 = 384,250
    # tax 2 % x 1,313 = 26.26 + 2.5 % x 1,313 = 32.82 + 3 % x 1,313 = 39.39 + 3.5 % x 1,313 = 45.96 + 4 % x 1,313
    #   = 52.52 + 4.5 % x 1,313 = 59.08 + 4.7 % x 375,059 = 17,627.77 -> 17,883.81
    ("US-MO", 2025, "single", "400000", "17883.81", "0.00"),
    # federal: taxable 78,500, Tax Table row midpoint 78,525: 10 % x 23,850 = 2,385 + 12 % x 54,675 = 6,561 ->
    #   8,946 -> 8,946
    # federal tax deduction 0.05 x 8,946 = 447.30
    # taxable 110,000 - 31,500 - 447.30 = 78,052.70
    # tax 2 % x 1,313 = 26.26 + 2.5 % x 1,313 = 32.82 + 3 % x 1,313 = 39.39 + 3.5 % x 1,313 = 45.96 + 4 % x 1,313
    #   = 52.52 + 4.5 % x 1,313 = 59.08 + 4.7 % x 68,861.70 = 3,236.50 -> 3,492.53
    ("US-MO", 2025, "married_joint", "110000", "3492.53", "0.00"),
    # 2026: brackets indexed (1,348 wide); federal tax from the 2026 Tax Table
    # federal: taxable 13,900, row midpoint 13,925: 10 % x 12,400 = 1,240 + 12 % x 1,525 = 183 -> 1,423
    # federal tax deduction 0.25 x 1,423 = 355.75 (AGI over 25,000)
    # taxable 30,000 - 16,100 - 355.75 = 13,544.25
    # tax 2 % x 1,348 = 26.96 + 2.5 % x 1,348 = 33.70 + 3 % x 1,348 = 40.44 + 3.5 % x 1,348 = 47.18 + 4 % x 1,348
    #   = 53.92 + 4.5 % x 1,348 = 60.66 (262.86 to 9,436) + 4.7 % x 4,108.25 = 193.08775 -> 455.94775 -> 455.95
    ("US-MO", 2026, "single", "30000", "455.95", "0.00"),
    # federal: taxable 63,900, row midpoint 63,925: 1,240 + 12 % x 38,000 = 4,560 + 22 % x 13,525 = 2,975.50 ->
    #   8,775.50 -> 8,776
    # federal tax deduction 0.15 x 8,776 = 1,316.40 (AGI over 50,000)
    # taxable 80,000 - 16,100 - 1,316.40 = 62,583.60
    # tax 262.86 + 4.7 % x 53,147.60 = 2,497.9372 -> 2,760.7972 -> 2,760.80
    ("US-MO", 2026, "single", "80000", "2760.80", "0.00"),
    # federal tax deduction 0 (AGI over 125,000); taxable 400,000 - 16,100 = 383,900
    # tax 262.86 + 4.7 % x 374,464 = 17,599.808 -> 17,862.668 -> 17,862.67
    ("US-MO", 2026, "single", "400000", "17862.67", "0.00"),
    # ---- US-MS ----
    # taxable 15,000 - 2,300 (standard deduction) - 6,000 (exemption) = 6,700
    # tax 0
    ("US-MS", 2025, "single", "15000", "0.00", "0.00"),
    # taxable 90,000 - 2,300 (standard deduction) - 6,000 (exemption) = 81,700
    # tax 4.4 % x 71,700 = 3,154.80 -> 3,154.80
    ("US-MS", 2025, "single", "90000", "3154.80", "0.00"),
    # taxable 50,000 - 3,400 (standard deduction) - 8,000 (exemption) = 38,600
    # tax 4.4 % x 28,600 = 1,258.40 -> 1,258.40
    ("US-MS", 2025, "head_of_household", "50000", "1258.40", "0.00"),
    # taxable 15,000 - 2,300 (standard deduction) - 6,000 (exemption) = 6,700
    # tax 0
    ("US-MS", 2026, "single", "15000", "0.00", "0.00"),
    # taxable 90,000 - 2,300 (standard deduction) - 6,000 (exemption) = 81,700
    # tax 4 % x 71,700 = 2,868 -> 2,868
    ("US-MS", 2026, "single", "90000", "2868.00", "0.00"),
    # taxable 50,000 - 3,400 (standard deduction) - 8,000 (exemption) = 38,600
    # tax 4 % x 28,600 = 1,144 -> 1,144
    ("US-MS", 2026, "head_of_household", "50000", "1144.00", "0.00"),
    # ---- US-MT ----
    # taxable 30,000 - 15,750 (federal standard deduction) = 14,250
    # tax 4.7 % x 14,250 = 669.75 -> 669.75
    ("US-MT", 2025, "single", "30000", "669.75", "0.00"),
    # taxable 200,000 - 15,750 (federal standard deduction) = 184,250
    # tax 4.7 % x 21,100 = 991.70 + 5.9 % x 163,150 = 9,625.85 -> 10,617.55
    ("US-MT", 2025, "single", "200000", "10617.55", "0.00"),
    # taxable 100,000 - 31,500 (federal standard deduction) = 68,500
    # tax 4.7 % x 42,200 = 1,983.40 + 5.9 % x 26,300 = 1,551.70 -> 3,535.10
    ("US-MT", 2025, "married_joint", "100000", "3535.10", "0.00"),
    # taxable 30,000 - 16,100 (federal standard deduction) = 13,900
    # tax 4.7 % x 13,900 = 653.30 -> 653.30
    ("US-MT", 2026, "single", "30000", "653.30", "0.00"),
    # taxable 200,000 - 16,100 (federal standard deduction) = 183,900
    # tax 4.7 % x 47,500 = 2,232.50 + 5.65 % x 136,400 = 7,706.60 -> 9,939.10
    ("US-MT", 2026, "single", "200000", "9939.10", "0.00"),
    # taxable 100,000 - 32,200 (federal standard deduction) = 67,800
    # tax 4.7 % x 67,800 = 3,186.60 -> 3,186.60
    ("US-MT", 2026, "married_joint", "100000", "3186.60", "0.00"),
    # ---- US-NC ----
    # taxable 10,000 - 12,750 (standard deduction) = 0
    # tax 0
    ("US-NC", 2025, "single", "10000", "0.00", "0.00"),
    # taxable 75,000 - 12,750 (standard deduction) = 62,250
    # tax 4.25 % x 62,250 = 2,645.62 -> 2,645.62
    ("US-NC", 2025, "single", "75000", "2645.63", "0.00"),
    # taxable 250,000 - 19,125 (standard deduction) = 230,875
    # tax 4.25 % x 230,875 = 9,812.19 -> 9,812.19
    ("US-NC", 2025, "head_of_household", "250000", "9812.19", "0.00"),
    # taxable 10,000 - 12,750 (standard deduction) = 0
    # tax 0
    ("US-NC", 2026, "single", "10000", "0.00", "0.00"),
    # taxable 75,000 - 12,750 (standard deduction) = 62,250
    # tax 3.99 % x 62,250 = 2,483.78 -> 2,483.78
    ("US-NC", 2026, "single", "75000", "2483.78", "0.00"),
    # taxable 250,000 - 19,125 (standard deduction) = 230,875
    # tax 3.99 % x 230,875 = 9,211.91 -> 9,211.91
    ("US-NC", 2026, "head_of_household", "250000", "9211.91", "0.00"),
    # ---- US-ND ----
    # taxable 50,000 - 15,750 (federal standard deduction) = 34,250
    # tax 0
    ("US-ND", 2025, "single", "50000", "0.00", "0.00"),
    # taxable 150,000 - 15,750 (federal standard deduction) = 134,250
    # tax 1.95 % x 85,775 = 1,672.61 -> 1,672.61
    ("US-ND", 2025, "single", "150000", "1672.61", "0.00"),
    # taxable 600,000 - 15,750 (federal standard deduction) = 584,250
    # tax 1.95 % x 196,350 = 3,828.82 + 2.5 % x 339,425 = 8,485.62 -> 12,314.45
    ("US-ND", 2025, "single", "600000", "12314.45", "0.00"),
    # taxable 200,000 - 31,500 (federal standard deduction) = 168,500
    # tax 1.95 % x 87,525 = 1,706.74 -> 1,706.74
    ("US-ND", 2025, "married_joint", "200000", "1706.74", "0.00"),
    # taxable 50,000 - 16,100 (federal standard deduction) = 33,900
    # tax 0
    ("US-ND", 2026, "single", "50000", "0.00", "0.00"),
    # taxable 150,000 - 16,100 (federal standard deduction) = 133,900
    # tax 1.95 % x 84,325 = 1,644.34 -> 1,644.34
    ("US-ND", 2026, "single", "150000", "1644.34", "0.00"),
    # taxable 600,000 - 16,100 (federal standard deduction) = 583,900
    # tax 1.95 % x 200,825 = 3,916.09 + 2.5 % x 333,500 = 8,337.50 -> 12,253.59
    ("US-ND", 2026, "single", "600000", "12253.59", "0.00"),
    # taxable 200,000 - 32,200 (federal standard deduction) = 167,800
    # tax 1.95 % x 85,000 = 1,657.50 -> 1,657.50
    ("US-ND", 2026, "married_joint", "200000", "1657.50", "0.00"),
    # ---- US-NE ----
    # taxable 15,000 - 8,600 (standard deduction) = 6,400
    # tax 2.46 % x 4,030 = 99.14 + 3.51 % x 2,370 = 83.19 -> 182.32
    # - 171 personal exemption credit = 11.32
    ("US-NE", 2025, "single", "15000", "11.33", "0.00"),
    # taxable 100,000 - 8,600 (standard deduction) = 91,400
    # tax 2.46 % x 4,030 = 99.14 + 3.51 % x 20,090 = 705.16 + 5.01 % x 14,750 = 738.98 + 5.2 % x 52,530 = 2,731.56
    #   -> 4,274.83
    # - 171 personal exemption credit = 4,103.83
    ("US-NE", 2025, "single", "100000", "4103.83", "0.00"),
    # taxable 90,000 - 17,200 (standard deduction) = 72,800
    # tax 2.46 % x 8,040 = 197.78 + 3.51 % x 40,210 = 1,411.37 + 5.01 % x 24,550 = 1,229.96 -> 2,839.11
    # - 342 personal exemption credit = 2,497.11
    ("US-NE", 2025, "married_joint", "90000", "2497.11", "0.00"),
    # taxable 15,000 - 8,850 (standard deduction) = 6,150
    # tax 2.46 % x 4,130 = 101.60 + 3.51 % x 2,020 = 70.90 -> 172.50
    # - 176 personal exemption credit = 0
    ("US-NE", 2026, "single", "15000", "0.00", "0.00"),
    # taxable 100,000 - 8,850 (standard deduction) = 91,150
    # tax 2.46 % x 4,130 = 101.60 + 3.51 % x 20,630 = 724.11 + 4.55 % x 66,390 = 3,020.74 -> 3,846.46
    # - 176 personal exemption credit = 3,670.46
    ("US-NE", 2026, "single", "100000", "3670.46", "0.00"),
    # taxable 90,000 - 17,700 (standard deduction) = 72,300
    # tax 2.46 % x 8,250 = 202.95 + 3.51 % x 41,280 = 1,448.93 + 4.55 % x 22,770 = 1,036.04 -> 2,687.91
    # - 352 personal exemption credit = 2,335.91
    ("US-NE", 2026, "married_joint", "90000", "2335.91", "0.00"),
    # ---- US-NH ----
    # no state income tax, no employee contribution
    ("US-NH", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NH", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NH", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NH", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NH", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NH", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-NJ ----
    # gross income 10,000 <= 10,000: no tax
    # TDI + FLI 0.56 % x 10,000 + UI/WF 0.425 % x 10,000 = 98.50
    ("US-NJ", 2025, "single", "10000", "0.00", "98.50"),
    # taxable 95,000 - 1,000 = 94,000
    # tax Tax Table row over 93,950 not over 94,000, midpoint 93,975: 1.4 % x 20,000 = 280 + 1.75 % x 15,000 =
    #   262.50 + 3.5 % x 5,000 = 175 + 5.525 % x 35,000 = 1,933.75 + 6.37 % x 18,975 = 1,208.71 -> 3,859.96 -> 3,860
    # TDI + FLI 0.56 % x 95,000 + UI/WF 0.425 % x 43,300 = 716.02
    ("US-NJ", 2025, "single", "95000", "3860.00", "716.03"),
    # taxable 1,200,000 - 1,000 = 1,199,000
    # tax 1.4 % x 20,000 = 280 + 1.75 % x 15,000 = 262.50 + 3.5 % x 5,000 = 175 + 5.525 % x 35,000 = 1,933.75 +
    #   6.37 % x 425,000 = 27,072.50 + 8.97 % x 500,000 = 44,850 + 10.75 % x 199,000 = 21,392.50 -> 95,966.25
    # TDI + FLI 0.56 % x 165,400 + UI/WF 0.425 % x 43,300 = 1,110.26
    ("US-NJ", 2025, "single", "1200000", "95966.25", "1110.27"),
    # taxable 180,000 - 2,000 = 178,000
    # tax 1.4 % x 20,000 = 280 + 1.75 % x 30,000 = 525 + 2.45 % x 20,000 = 490 + 3.5 % x 10,000 = 350 + 5.525 % x
    #   70,000 = 3,867.50 + 6.37 % x 28,000 = 1,783.60 -> 7,296.10
    # TDI + FLI 0.56 % x 165,400 + UI/WF 0.425 % x 43,300 = 1,110.26
    ("US-NJ", 2025, "married_joint", "180000", "7296.10", "1110.27"),
    # gross income 10,000 <= 10,000: no tax
    # TDI + FLI 0.42 % x 10,000 + UI/WF 0.425 % x 10,000 = 84.50
    ("US-NJ", 2026, "single", "10000", "0.00", "84.50"),
    # taxable 95,000 - 1,000 = 94,000
    # tax Tax Table row over 93,950 not over 94,000, midpoint 93,975: 1.4 % x 20,000 = 280 + 1.75 % x 15,000 =
    #   262.50 + 3.5 % x 5,000 = 175 + 5.525 % x 35,000 = 1,933.75 + 6.37 % x 18,975 = 1,208.71 -> 3,859.96 -> 3,860
    # TDI + FLI 0.42 % x 95,000 + UI/WF 0.425 % x 44,800 = 589.40
    ("US-NJ", 2026, "single", "95000", "3860.00", "589.40"),
    # taxable 1,200,000 - 1,000 = 1,199,000
    # tax 1.4 % x 20,000 = 280 + 1.75 % x 15,000 = 262.50 + 3.5 % x 5,000 = 175 + 5.525 % x 35,000 = 1,933.75 +
    #   6.37 % x 425,000 = 27,072.50 + 8.97 % x 500,000 = 44,850 + 10.75 % x 199,000 = 21,392.50 -> 95,966.25
    # TDI + FLI 0.42 % x 171,100 + UI/WF 0.425 % x 44,800 = 909.02
    ("US-NJ", 2026, "single", "1200000", "95966.25", "909.02"),
    # taxable 180,000 - 2,000 = 178,000
    # tax 1.4 % x 20,000 = 280 + 1.75 % x 30,000 = 525 + 2.45 % x 20,000 = 490 + 3.5 % x 10,000 = 350 + 5.525 % x
    #   70,000 = 3,867.50 + 6.37 % x 28,000 = 1,783.60 -> 7,296.10
    # TDI + FLI 0.42 % x 171,100 + UI/WF 0.425 % x 44,800 = 909.02
    ("US-NJ", 2026, "married_joint", "180000", "7296.10", "909.02"),
    # ---- US-NM ----
    # taxable 30,000 - 15,750 (federal standard deduction) - 1,000 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 13,250
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 7,750 = 248 -> 330.50
    ("US-NM", 2025, "single", "30000", "330.50", "0.00"),
    # taxable 120,000 - 15,750 (federal standard deduction) - 0 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 104,250
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 11,000 = 352 + 4.3 % x 17,000 = 731 + 4.7 % x 33,000 = 1,551 + 4.9 % x
    #   37,750 = 1,849.75 -> 4,566.25
    ("US-NM", 2025, "single", "120000", "4566.25", "0.00"),
    # taxable 400,000 - 15,750 (federal standard deduction) - 0 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 384,250
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 11,000 = 352 + 4.3 % x 17,000 = 731 + 4.7 % x 33,000 = 1,551 + 4.9 % x
    #   143,500 = 7,031.50 + 5.9 % x 174,250 = 10,280.75 -> 20,028.75
    ("US-NM", 2025, "single", "400000", "20028.75", "0.00"),
    # taxable 45,000 - 31,500 (federal standard deduction) - 2,000 (low/middle income exemption 2 x max(0, 2,500 -
    #   0.1 x excess)) = 11,500
    # tax 1.5 % x 8,000 = 120 + 3.2 % x 3,500 = 112 -> 232
    ("US-NM", 2025, "married_joint", "45000", "232.00", "0.00"),
    # taxable 30,000 - 16,100 (federal standard deduction) - 1,000 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 12,900
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 7,400 = 236.80 -> 319.30
    ("US-NM", 2026, "single", "30000", "319.30", "0.00"),
    # taxable 120,000 - 16,100 (federal standard deduction) - 0 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 103,900
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 11,000 = 352 + 4.3 % x 17,000 = 731 + 4.7 % x 33,000 = 1,551 + 4.9 % x
    #   37,400 = 1,832.60 -> 4,549.10
    ("US-NM", 2026, "single", "120000", "4549.10", "0.00"),
    # taxable 400,000 - 16,100 (federal standard deduction) - 0 (low/middle income exemption 1 x max(0, 2,500 -
    #   0.15 x excess)) = 383,900
    # tax 1.5 % x 5,500 = 82.50 + 3.2 % x 11,000 = 352 + 4.3 % x 17,000 = 731 + 4.7 % x 33,000 = 1,551 + 4.9 % x
    #   143,500 = 7,031.50 + 5.9 % x 173,900 = 10,260.10 -> 20,008.10
    ("US-NM", 2026, "single", "400000", "20008.10", "0.00"),
    # taxable 45,000 - 32,200 (federal standard deduction) - 2,000 (low/middle income exemption 2 x max(0, 2,500 -
    #   0.1 x excess)) = 10,800
    # tax 1.5 % x 8,000 = 120 + 3.2 % x 2,800 = 89.60 -> 209.60
    ("US-NM", 2026, "married_joint", "45000", "209.60", "0.00"),
    # ---- US-NV ----
    # no state income tax, no employee contribution
    ("US-NV", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NV", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NV", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NV", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NV", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-NV", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-NY ----
    # taxable 24,000 - 8,000 = 16,000
    # schedule 4 % x 8,500 = 340 + 4.5 % x 3,200 = 144 + 5.25 % x 2,200 = 115.50 + 5.5 % x 2,100 = 115.50 -> 715
    # - household credit 40 = 675
    # PFL min(0.388 % x 24,000, 354.53) = 93.12; SDI min(0.5 % x 24,000, 31.20) = 31.20
    ("US-NY", 2025, "single", "24000", "675.00", "124.32"),
    # taxable 130,000 - 8,000 = 122,000
    # schedule 4 % x 8,500 = 340 + 4.5 % x 3,200 = 144 + 5.25 % x 2,200 = 115.50 + 5.5 % x 66,750 = 3,671.25 + 6 %
    #   x 41,350 = 2,481 -> 6,751.75
    # supplemental (worksheet 1): (6 % x 122,000 - 6,751.75) x min(1, (130,000 - 107,650) / 50,000) = 254.01
    # - household credit 0 = 7,005.76
    # PFL min(0.388 % x 130,000, 354.53) = 354.53; SDI min(0.5 % x 130,000, 31.20) = 31.20
    ("US-NY", 2025, "single", "130000", "7005.76", "385.73"),
    # taxable 240,000 - 8,000 = 232,000
    # schedule 4 % x 8,500 = 340 + 4.5 % x 3,200 = 144 + 5.25 % x 2,200 = 115.50 + 5.5 % x 66,750 = 3,671.25 + 6 %
    #   x 134,750 = 8,085 + 6.85 % x 16,600 = 1,137.10 -> 13,492.85
    # supplemental: 568 + 1831 x min(1, (240,000 - 215,400) / 50,000) = 1,468.85
    # - household credit 0 = 14,961.70
    # PFL min(0.388 % x 240,000, 354.53) = 354.53; SDI min(0.5 % x 240,000, 31.20) = 31.20
    ("US-NY", 2025, "single", "240000", "14961.70", "385.73"),
    # taxable 2,000,000 - 8,000 = 1,992,000
    # schedule 4 % x 8,500 = 340 + 4.5 % x 3,200 = 144 + 5.25 % x 2,200 = 115.50 + 5.5 % x 66,750 = 3,671.25 + 6 %
    #   x 134,750 = 8,085 + 6.85 % x 862,150 = 59,057.28 + 9.65 % x 914,450 = 88,244.42 -> 159,657.45
    # supplemental: 2399 + 30172 x min(1, (2,000,000 - 1,077,550) / 50,000) = 32,571
    # - household credit 0 = 192,228.45
    # PFL min(0.388 % x 2,000,000, 354.53) = 354.53; SDI min(0.5 % x 2,000,000, 31.20) = 31.20
    ("US-NY", 2025, "single", "2000000", "192228.45", "385.73"),
    # taxable 30,000,000 - 8,000 = 29,992,000
    # schedule 4 % x 8,500 = 340 + 4.5 % x 3,200 = 144 + 5.25 % x 2,200 = 115.50 + 5.5 % x 66,750 = 3,671.25 + 6 %
    #   x 134,750 = 8,085 + 6.85 % x 862,150 = 59,057.28 + 9.65 % x 3,922,450 = 378,516.42 + 10.3 % x 20,000,000 =
    #   2,060,000 + 10.9 % x 4,992,000 = 544,128 -> 3,054,057.45
    # supplemental: 32571 + 32500 x min(1, (30,000,000 - 5,000,000) / 50,000) = 65,071
    # AGI over 25,000,000: 10.9 % x 29,992,000 = 3,269,128
    # - household credit 0 = 3,269,128
    # PFL min(0.388 % x 30,000,000, 354.53) = 354.53; SDI min(0.5 % x 30,000,000, 31.20) = 31.20
    ("US-NY", 2025, "single", "30000000", "3269128.00", "385.73"),
    # taxable 120,000 - 16,050 = 103,950
    # schedule 4 % x 17,150 = 686 + 4.5 % x 6,450 = 290.25 + 5.25 % x 4,300 = 225.75 + 5.5 % x 76,050 = 4,182.75
    #   -> 5,384.75
    # supplemental (worksheet 1): (5.5 % x 103,950 - 5,384.75) x min(1, (120,000 - 107,650) / 50,000) = 82.13
    # - household credit 0 = 5,466.88
    # PFL min(0.388 % x 120,000, 354.53) = 354.53; SDI min(0.5 % x 120,000, 31.20) = 31.20
    ("US-NY", 2025, "married_joint", "120000", "5466.88", "385.73"),
    # taxable 200,000 - 16,050 = 183,950
    # schedule 4 % x 17,150 = 686 + 4.5 % x 6,450 = 290.25 + 5.25 % x 4,300 = 225.75 + 5.5 % x 133,650 = 7,350.75
    #   + 6 % x 22,400 = 1,344 -> 9,896.75
    # supplemental: 333 + 807 x min(1, (200,000 - 161,550) / 50,000) = 953.58
    # - household credit 0 = 10,850.33
    # PFL min(0.388 % x 200,000, 354.53) = 354.53; SDI min(0.5 % x 200,000, 31.20) = 31.20
    ("US-NY", 2025, "married_joint", "200000", "10850.33", "385.73"),
    # taxable 60,000 - 8,000 = 52,000
    # schedule 3.9 % x 8,500 = 331.50 + 4.4 % x 3,200 = 140.80 + 5.15 % x 2,200 = 113.30 + 5.4 % x 38,100 =
    #   2,057.40 -> 2,643
    # - household credit 0 = 2,643
    # PFL min(0.432 % x 60,000, 411.91) = 259.20; SDI min(0.5 % x 60,000, 31.20) = 31.20
    ("US-NY", 2026, "single", "60000", "2643.00", "290.40"),
    # taxable 250,000 - 8,000 = 242,000
    # schedule 3.9 % x 8,500 = 331.50 + 4.4 % x 3,200 = 140.80 + 5.15 % x 2,200 = 113.30 + 5.4 % x 66,750 =
    #   3,604.50 + 5.9 % x 134,750 = 7,950.25 + 6.85 % x 26,600 = 1,822.10 -> 13,962.45
    # supplemental: 567 + 2047 x min(1, (250,000 - 215,400) / 50,000) = 1,983.52
    # - household credit 0 = 15,945.97
    # PFL min(0.432 % x 250,000, 411.91) = 411.91; SDI min(0.5 % x 250,000, 31.20) = 31.20
    ("US-NY", 2026, "single", "250000", "15945.97", "443.11"),
    # taxable 24,000 - 8,000 = 16,000
    # schedule 3.9 % x 8,500 = 331.50 + 4.4 % x 3,200 = 140.80 + 5.15 % x 2,200 = 113.30 + 5.4 % x 2,100 = 113.40
    #   -> 699
    # - household credit 40 (AGI over 20,000, not over 25,000) = 659
    # PFL min(0.432 % x 24,000, 411.91) = 103.68; SDI min(0.5 % x 24,000, 31.20) = 31.20
    ("US-NY", 2026, "single", "24000", "659.00", "134.88"),
    # AGI over 25,000,000: 10.9 % x (30,000,000 - 8,000 = 29,992,000) = 3,269,128 (the whole taxable income)
    # PFL 411.91 (its cap); SDI 31.20
    ("US-NY", 2026, "single", "30000000", "3269128.00", "443.11"),
    # ---- US-OH ----
    # exemption 1 x 2400; taxable 25,600
    # tax 0 (taxable income not over 26,050)
    ("US-OH", 2025, "single", "28000", "0.00", "0.00"),
    # exemption 1 x 2150; taxable 67,850
    # tax 342 + 2.75 % x (67,850 - 26,050) + 0.375 % x max(0, taxable - 100,000) = 1,491.50
    ("US-OH", 2025, "single", "70000", "1491.50", "0.00"),
    # exemption 1 x 1900; taxable 298,100
    # tax 342 + 2.75 % x (298,100 - 26,050) + 0.375 % x max(0, taxable - 100,000) = 8,566.25
    ("US-OH", 2025, "single", "300000", "8566.25", "0.00"),
    # exemption 2 x 1900; taxable 86,200
    # tax 342 + 2.75 % x (86,200 - 26,050) + 0.375 % x max(0, taxable - 100,000) = 1,996.12
    ("US-OH", 2025, "married_joint", "90000", "1996.13", "0.00"),
    # exemption 1 x 2400; taxable 25,600
    # tax 0 (taxable income not over 26,050)
    ("US-OH", 2026, "single", "28000", "0.00", "0.00"),
    # exemption 1 x 2150; taxable 67,850
    # tax 332 + 2.75 % x (67,850 - 26,050) = 1,481.50
    ("US-OH", 2026, "single", "70000", "1481.50", "0.00"),
    # exemption 1 x 1900; taxable 298,100
    # tax 332 + 2.75 % x (298,100 - 26,050) = 7,813.38
    ("US-OH", 2026, "single", "300000", "7813.38", "0.00"),
    # exemption 2 x 1900; taxable 86,200
    # tax 332 + 2.75 % x (86,200 - 26,050) = 1,986.12
    ("US-OH", 2026, "married_joint", "90000", "1986.13", "0.00"),
    # ---- US-OK ----
    # taxable 12,000 - 6,350 (standard deduction) - 1,000 (exemption) = 4,650
    # tax 0.25 % x 1,000 = 2.50 + 0.75 % x 1,500 = 11.25 + 1.75 % x 1,250 = 21.88 + 2.75 % x 900 = 24.75 -> 60.38
    ("US-OK", 2025, "single", "12000", "60.38", "0.00"),
    # taxable 80,000 - 6,350 (standard deduction) - 1,000 (exemption) = 72,650
    # tax 0.25 % x 1,000 = 2.50 + 0.75 % x 1,500 = 11.25 + 1.75 % x 1,250 = 21.88 + 2.75 % x 1,150 = 31.62 + 3.75
    #   % x 2,300 = 86.25 + 4.75 % x 65,450 = 3,108.88 -> 3,262.38
    ("US-OK", 2025, "single", "80000", "3262.38", "0.00"),
    # taxable 150,000 - 12,700 (standard deduction) - 2,000 (exemption) = 135,300
    # tax 0.25 % x 2,000 = 5 + 0.75 % x 3,000 = 22.50 + 1.75 % x 2,500 = 43.75 + 2.75 % x 2,300 = 63.25 + 3.75 % x
    #   4,600 = 172.50 + 4.75 % x 120,900 = 5,742.75 -> 6,049.75
    ("US-OK", 2025, "married_joint", "150000", "6049.75", "0.00"),
    # taxable 12,000 - 6,350 (standard deduction) - 1,000 (exemption) = 4,650
    # tax 2.5 % x 900 = 22.50 -> 22.50
    ("US-OK", 2026, "single", "12000", "22.50", "0.00"),
    # taxable 80,000 - 6,350 (standard deduction) - 1,000 (exemption) = 72,650
    # tax 2.5 % x 1,150 = 28.75 + 3.5 % x 2,300 = 80.50 + 4.5 % x 65,450 = 2,945.25 -> 3,054.50
    ("US-OK", 2026, "single", "80000", "3054.50", "0.00"),
    # taxable 150,000 - 12,700 (standard deduction) - 2,000 (exemption) = 135,300
    # tax 2.5 % x 2,300 = 57.50 + 3.5 % x 4,600 = 161 + 4.5 % x 120,900 = 5,440.50 -> 5,659
    ("US-OK", 2026, "married_joint", "150000", "5659.00", "0.00"),
    # ---- US-OR ----
    # federal: taxable 9,250, Tax Table row midpoint 9,275: 10 % x 9,275 = 927.50 -> 927.50 -> 928
    # federal subtraction min(928, cap 8,500) = 928
    # taxable 21,237: 4.75 % x 4,400 = 209 + 6.75 % x 6,700 = 452.25 + 8.75 % x 10,137 = 886.99 -> 1,548.24
    # - exemption credit 256 = 1,292.24
    # Paid Leave 0.6 % x 25,000 + transit 0.1 % x 25,000 = 175
    ("US-OR", 2025, "single", "25000", "1292.24", "175.00"),
    # federal: taxable 74,250, Tax Table row midpoint 74,275: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 +
    #   22 % x 25,800 = 5,676 -> 11,254.50 -> 11,255
    # federal subtraction min(11,255, cap 8,500) = 8,500
    # taxable 78,665: 4.75 % x 4,400 = 209 + 6.75 % x 6,700 = 452.25 + 8.75 % x 67,565 = 5,911.94 -> 6,573.19
    # - exemption credit 256 = 6,317.19
    # Paid Leave 0.6 % x 90,000 + transit 0.1 % x 90,000 = 630
    ("US-OR", 2025, "single", "90000", "6317.19", "630.00"),
    # federal: taxable 116,250: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 + 22 % x 54,875 = 12,072.50 + 24
    #   % x 12,900 = 3,096 -> 20,747
    # federal subtraction min(20,747, cap 5,100) = 5,100
    # taxable 124,065: 4.75 % x 4,400 = 209 + 6.75 % x 6,700 = 452.25 + 8.75 % x 112,965 = 9,884.44 -> 10,545.69
    # - exemption credit 0 = 10,545.69
    # Paid Leave 0.6 % x 132,000 + transit 0.1 % x 132,000 = 924
    ("US-OR", 2025, "single", "132000", "10545.69", "924.00"),
    # federal: taxable 584,250: 10 % x 11,925 = 1,192.50 + 12 % x 36,550 = 4,386 + 22 % x 54,875 = 12,072.50 + 24
    #   % x 93,950 = 22,548 + 32 % x 53,225 = 17,032 + 35 % x 333,725 = 116,803.75 -> 174,034.75
    # federal subtraction min(174,034.75, cap 0) = 0
    # taxable 597,165: 4.75 % x 4,400 = 209 + 6.75 % x 6,700 = 452.25 + 8.75 % x 113,900 = 9,966.25 + 9.9 % x
    #   472,165 = 46,744.34 -> 57,371.84
    # - exemption credit 0 = 57,371.84
    # Paid Leave 0.6 % x 176,100 + transit 0.1 % x 600,000 = 1,656.60
    ("US-OR", 2025, "single", "600000", "57371.84", "1656.60"),
    # federal: taxable 118,500: 10 % x 23,850 = 2,385 + 12 % x 73,100 = 8,772 + 22 % x 21,550 = 4,741 -> 15,898
    # federal subtraction min(15,898, cap 8,500) = 8,500
    # taxable 135,830: 4.75 % x 8,800 = 418 + 6.75 % x 13,400 = 904.50 + 8.75 % x 113,630 = 9,942.62 -> 11,265.12
    # - exemption credit 512 = 10,753.12
    # Paid Leave 0.6 % x 150,000 + transit 0.1 % x 150,000 = 1,050
    ("US-OR", 2025, "married_joint", "150000", "10753.13", "1050.00"),
    # ---- US-PA ----
    # tax 3.07 % x 20,000 = 614 -> 614
    # UC: 0.07 % x 20,000 = 14
    ("US-PA", 2025, "single", "20000", "614.00", "14.00"),
    # tax 3.07 % x 100,000 = 3,070 -> 3,070
    # UC: 0.07 % x 100,000 = 70
    ("US-PA", 2025, "single", "100000", "3070.00", "70.00"),
    # tax 3.07 % x 800,000 = 24,560 -> 24,560
    # UC: 0.07 % x 800,000 = 560
    ("US-PA", 2025, "single", "800000", "24560.00", "560.00"),
    # tax 3.07 % x 20,000 = 614 -> 614
    # UC: 0.07 % x 20,000 = 14
    ("US-PA", 2026, "single", "20000", "614.00", "14.00"),
    # tax 3.07 % x 100,000 = 3,070 -> 3,070
    # UC: 0.07 % x 100,000 = 70
    ("US-PA", 2026, "single", "100000", "3070.00", "70.00"),
    # tax 3.07 % x 800,000 = 24,560 -> 24,560
    # UC: 0.07 % x 800,000 = 560
    ("US-PA", 2026, "single", "800000", "24560.00", "560.00"),
    # ---- US-RI ----
    # taxable 30,000 - 16,000 ((standard deduction + exemptions) x 1) = 14,000
    # tax 3.75 % x 14,000 = 525 -> 525
    # TDI: 1.3 % x 30,000 = 390
    ("US-RI", 2025, "single", "30000", "525.00", "390.00"),
    # taxable 150,000 - 16,000 ((standard deduction + exemptions) x 1) = 134,000
    # tax 3.75 % x 79,900 = 2,996.25 + 4.75 % x 54,100 = 2,569.75 -> 5,566
    # TDI: 1.3 % x 89,200 = 1,159.60
    ("US-RI", 2025, "single", "150000", "5566.00", "1159.60"),
    # taxable 270,000 - 6,400 ((standard deduction + exemptions) x 0.40) = 263,600
    # tax 3.75 % x 79,900 = 2,996.25 + 4.75 % x 101,750 = 4,833.12 + 5.99 % x 81,950 = 4,908.80 -> 12,738.18
    # TDI: 1.3 % x 89,200 = 1,159.60
    ("US-RI", 2025, "single", "270000", "12738.18", "1159.60"),
    # taxable 500,000 - 0 ((standard deduction + exemptions) x 0) = 500,000
    # tax 3.75 % x 79,900 = 2,996.25 + 4.75 % x 101,750 = 4,833.12 + 5.99 % x 318,350 = 19,069.16 -> 26,898.54
    # TDI: 1.3 % x 89,200 = 1,159.60
    ("US-RI", 2025, "single", "500000", "26898.54", "1159.60"),
    # taxable 120,000 - 32,000 ((standard deduction + exemptions) x 1) = 88,000
    # tax 3.75 % x 79,900 = 2,996.25 + 4.75 % x 8,100 = 384.75 -> 3,381
    # TDI: 1.3 % x 89,200 = 1,159.60
    ("US-RI", 2025, "married_joint", "120000", "3381.00", "1159.60"),
    # taxable 30,000 - 16,450 ((standard deduction + exemptions) x 1) = 13,550
    # tax 3.75 % x 13,550 = 508.12 -> 508.12
    # TDI: 1.1 % x 30,000 = 330
    ("US-RI", 2026, "single", "30000", "508.13", "330.00"),
    # taxable 150,000 - 16,450 ((standard deduction + exemptions) x 1) = 133,550
    # tax 3.75 % x 82,050 = 3,076.88 + 4.75 % x 51,500 = 2,446.25 -> 5,523.12
    # TDI: 1.1 % x 100,000 = 1,100
    ("US-RI", 2026, "single", "150000", "5523.13", "1100.00"),
    # taxable 270,000 - 9,870 ((standard deduction + exemptions) x 0.60) = 260,130
    # tax 3.75 % x 82,050 = 3,076.88 + 4.75 % x 104,400 = 4,959 + 5.99 % x 73,680 = 4,413.43 -> 12,449.31
    # TDI: 1.1 % x 100,000 = 1,100
    ("US-RI", 2026, "single", "270000", "12449.31", "1100.00"),
    # taxable 500,000 - 0 ((standard deduction + exemptions) x 0) = 500,000
    # tax 3.75 % x 82,050 = 3,076.88 + 4.75 % x 104,400 = 4,959 + 5.99 % x 313,550 = 18,781.64 -> 26,817.52
    # TDI: 1.1 % x 100,000 = 1,100
    ("US-RI", 2026, "single", "500000", "26817.52", "1100.00"),
    # taxable 120,000 - 32,900 ((standard deduction + exemptions) x 1) = 87,100
    # tax 3.75 % x 82,050 = 3,076.88 + 4.75 % x 5,050 = 239.88 -> 3,316.75
    # TDI: 1.1 % x 100,000 = 1,100
    ("US-RI", 2026, "married_joint", "120000", "3316.75", "1100.00"),
    # ---- US-SC ----
    # taxable 12,000 - 15,000 (pre-2025-act federal standard deduction) = 0
    # tax 0
    ("US-SC", 2025, "single", "12000", "0.00", "0.00"),
    # taxable 70,000 - 15,000 (pre-2025-act federal standard deduction) = 55,000
    # tax 3 % x 14,270 = 428.10 + 6 % x 37,170 = 2,230.20 -> 2,658.30
    ("US-SC", 2025, "single", "70000", "2658.30", "0.00"),
    # taxable 300,000 - 30,000 (pre-2025-act federal standard deduction) = 270,000
    # tax 3 % x 14,270 = 428.10 + 6 % x 252,170 = 15,130.20 -> 15,558.30
    ("US-SC", 2025, "married_joint", "300000", "15558.30", "0.00"),
    # taxable 30,000 - 15,000 (SC income adjusted deduction 15,000 x (1 - min(1, excess over 40,000 / 55,000))) =
    #   15,000
    # tax 1.99 % x 15,000 = 298.50 -> 298.50
    ("US-SC", 2026, "single", "30000", "298.50", "0.00"),
    # taxable 60,000 - 9,545.45 (SC income adjusted deduction 15,000 x (1 - min(1, excess over 40,000 / 55,000)))
    #   = 50,454.55
    # tax 1.99 % x 30,000 = 597 + 5.21 % x 20,454.55 = 1,065.68 -> 1,662.68
    ("US-SC", 2026, "single", "60000", "1662.68", "0.00"),
    # taxable 200,000 - 0 (SC income adjusted deduction 15,000 x (1 - min(1, excess over 40,000 / 55,000))) =
    #   200,000
    # tax 1.99 % x 30,000 = 597 + 5.21 % x 170,000 = 8,857 -> 9,454
    ("US-SC", 2026, "single", "200000", "9454.00", "0.00"),
    # taxable 120,000 - 19,090.91 (SC income adjusted deduction 30,000 x (1 - min(1, excess over 80,000 /
    #   110,000))) = 100,909.09
    # tax 1.99 % x 30,000 = 597 + 5.21 % x 70,909.09 = 3,694.36 -> 4,291.36
    ("US-SC", 2026, "married_joint", "120000", "4291.36", "0.00"),
    # ---- US-SD ----
    # no state income tax, no employee contribution
    ("US-SD", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-SD", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-SD", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-SD", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-SD", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-SD", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-TN ----
    # no state income tax, no employee contribution
    ("US-TN", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TN", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TN", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TN", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TN", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TN", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-TX ----
    # no state income tax, no employee contribution
    ("US-TX", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TX", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TX", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TX", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TX", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-TX", 2026, "single", "900000", "0.00", "0.00"),
    # ---- US-UT ----
    # 4.5 % x 20,000 = 900
    # credit 6 % x 15,750 - 1.3 % x max(0, 20,000 - 18,213) = 921.77
    # -> 0
    ("US-UT", 2025, "single", "20000", "0.00", "0.00"),
    # 4.5 % x 60,000 = 2,700
    # credit 6 % x 15,750 - 1.3 % x max(0, 60,000 - 18,213) = 401.77
    # -> 2,298.23
    ("US-UT", 2025, "single", "60000", "2298.23", "0.00"),
    # 4.5 % x 300,000 = 13,500
    # credit 6 % x 15,750 - 1.3 % x max(0, 300,000 - 18,213) = 0
    # -> 13,500
    ("US-UT", 2025, "single", "300000", "13500.00", "0.00"),
    # 4.5 % x 70,000 = 3,150
    # credit 6 % x 31,500 - 1.3 % x max(0, 70,000 - 36,426) = 1,453.54
    # -> 1,696.46
    ("US-UT", 2025, "married_joint", "70000", "1696.46", "0.00"),
    # ---- US-VA ----
    # taxable 12,000 - 8,750 (standard deduction) - 930 (exemptions) = 2,320
    # tax 2 % x 2,320 = 46.40 -> 46.40
    ("US-VA", 2025, "single", "12000", "46.40", "0.00"),
    # taxable 90,000 - 8,750 (standard deduction) - 930 (exemptions) = 80,320
    # tax 2 % x 3,000 = 60 + 3 % x 2,000 = 60 + 5 % x 12,000 = 600 + 5.75 % x 63,320 = 3,640.90 -> 4,360.90
    ("US-VA", 2025, "single", "90000", "4360.90", "0.00"),
    # taxable 400,000 - 17,500 (standard deduction) - 1,860 (exemptions) = 380,640
    # tax 2 % x 3,000 = 60 + 3 % x 2,000 = 60 + 5 % x 12,000 = 600 + 5.75 % x 363,640 = 20,909.30 -> 21,629.30
    ("US-VA", 2025, "married_joint", "400000", "21629.30", "0.00"),
    # taxable 12,000 - 8,750 (standard deduction) - 930 (exemptions) = 2,320
    # tax 2 % x 2,320 = 46.40 -> 46.40
    ("US-VA", 2026, "single", "12000", "46.40", "0.00"),
    # taxable 90,000 - 8,750 (standard deduction) - 930 (exemptions) = 80,320
    # tax 2 % x 3,000 = 60 + 3 % x 2,000 = 60 + 5 % x 12,000 = 600 + 5.75 % x 63,320 = 3,640.90 -> 4,360.90
    ("US-VA", 2026, "single", "90000", "4360.90", "0.00"),
    # taxable 400,000 - 17,500 (standard deduction) - 1,860 (exemptions) = 380,640
    # tax 2 % x 3,000 = 60 + 3 % x 2,000 = 60 + 5 % x 12,000 = 600 + 5.75 % x 363,640 = 20,909.30 -> 21,629.30
    ("US-VA", 2026, "married_joint", "400000", "21629.30", "0.00"),
    # ---- US-VT ----
    # taxable 30,000 - 7,650 (standard deduction) - 5,300 (exemptions) = 17,050
    # tax 3.35 % x 17,050 = 571.18 -> 571.18
    # child care contribution: 0.11 % x 30,000 = 33
    ("US-VT", 2025, "single", "30000", "571.18", "33.00"),
    # taxable 150,000 - 7,650 (standard deduction) - 5,300 (exemptions) = 137,050
    # tax 3.35 % x 49,400 = 1,654.90 + 6.6 % x 70,300 = 4,639.80 + 7.6 % x 17,350 = 1,318.60 -> 7,613.30
    # child care contribution: 0.11 % x 150,000 = 165
    ("US-VT", 2025, "single", "150000", "7613.30", "165.00"),
    # taxable 600,000 - 7,650 (standard deduction) - 5,300 (exemptions) = 587,050
    # tax 3.35 % x 49,400 = 1,654.90 + 6.6 % x 70,300 = 4,639.80 + 7.6 % x 130,000 = 9,880 + 8.75 % x 337,350 =
    #   29,518.12 -> 45,692.82
    # child care contribution: 0.11 % x 600,000 = 660
    ("US-VT", 2025, "single", "600000", "45692.83", "660.00"),
    # taxable 200,000 - 15,300 (standard deduction) - 10,600 (exemptions) = 174,100
    # tax 3.35 % x 82,500 = 2,763.75 + 6.6 % x 91,600 = 6,045.60 -> 8,809.35
    # child care contribution: 0.11 % x 200,000 = 220
    ("US-VT", 2025, "married_joint", "200000", "8809.35", "220.00"),
    # ---- US-WA ----
    # PFML 0.92 % x (1 - 0.2848) = 0.00657984 x 30,000 = 197.40
    # WA Cares 0.58 % x 30,000 = 174; total 371.40
    ("US-WA", 2025, "single", "30000", "0.00", "371.40"),
    # PFML 0.92 % x (1 - 0.2848) = 0.00657984 x 120,000 = 789.58
    # WA Cares 0.58 % x 120,000 = 696; total 1,485.58
    ("US-WA", 2025, "single", "120000", "0.00", "1485.58"),
    # PFML 0.92 % x (1 - 0.2848) = 0.00657984 x 176,100 = 1,158.71
    # WA Cares 0.58 % x 400,000 = 2,320; total 3,478.71
    ("US-WA", 2025, "single", "400000", "0.00", "3478.71"),
    # PFML 1.13 % x (1 - 0.2857) = 0.00807159 x 30,000 = 242.15
    # WA Cares 0.58 % x 30,000 = 174; total 416.15
    ("US-WA", 2026, "single", "30000", "0.00", "416.15"),
    # PFML 1.13 % x (1 - 0.2857) = 0.00807159 x 120,000 = 968.59
    # WA Cares 0.58 % x 120,000 = 696; total 1,664.59
    ("US-WA", 2026, "single", "120000", "0.00", "1664.59"),
    # PFML 1.13 % x (1 - 0.2857) = 0.00807159 x 184,500 = 1,489.21
    # WA Cares 0.58 % x 400,000 = 2,320; total 3,809.21
    ("US-WA", 2026, "single", "400000", "0.00", "3809.21"),
    # ---- US-WI ----
    # taxable 25,000 - 12,906 (standard deduction 13,560 less 12 % over 19,550) - 700 (exemptions) = 11,394
    # tax 3.5 % x 11,394 = 398.79 -> 398.79
    ("US-WI", 2025, "single", "25000", "398.79", "0.00"),
    # taxable 80,000 - 6,306 (standard deduction 13,560 less 12 % over 19,550) - 700 (exemptions) = 72,994
    # tax 3.5 % x 14,680 = 513.80 + 4.4 % x 35,800 = 1,575.20 + 5.3 % x 22,514 = 1,193.24 -> 3,282.24
    ("US-WI", 2025, "single", "80000", "3282.24", "0.00"),
    # taxable 500,000 - 0 (standard deduction 13,560 less 12 % over 19,550) - 700 (exemptions) = 499,300
    # tax 3.5 % x 14,680 = 513.80 + 4.4 % x 35,800 = 1,575.20 + 5.3 % x 272,810 = 14,458.93 + 7.65 % x 176,010 =
    #   13,464.76 -> 30,012.70
    ("US-WI", 2025, "single", "500000", "30012.70", "0.00"),
    # taxable 70,000 - 7,506.05 (standard deduction 17,520 less 22.515 % to 57,210, then 12 %) - 700 (exemptions)
    #   = 61,793.95
    # tax 3.5 % x 14,680 = 513.80 + 4.4 % x 35,800 = 1,575.20 + 5.3 % x 11,313.95 = 599.64 -> 2,688.64
    ("US-WI", 2025, "head_of_household", "70000", "2688.64", "0.00"),
    # taxable 60,000 - 18,822.57 (standard deduction 25,110 less 19.778 % over 28,210) - 1,400 (exemptions) =
    #   39,777.43
    # tax 3.5 % x 19,580 = 685.30 + 4.4 % x 20,197.43 = 888.69 -> 1,573.99
    ("US-WI", 2025, "married_joint", "60000", "1573.99", "0.00"),
    # taxable 25,000 - 13,374.40 (standard deduction 13,960 less 12 % over 20,120) - 700 (exemptions) = 10,925.60
    # tax 3.5 % x 10,925.60 = 382.40 -> 382.40
    ("US-WI", 2026, "single", "25000", "382.40", "0.00"),
    # taxable 80,000 - 6,774.40 (standard deduction 13,960 less 12 % over 20,120) - 700 (exemptions) = 72,525.60
    # tax 3.5 % x 15,110 = 528.85 + 4.4 % x 36,840 = 1,620.96 + 5.3 % x 20,575.60 = 1,090.51 -> 3,240.32
    ("US-WI", 2026, "single", "80000", "3240.32", "0.00"),
    # taxable 500,000 - 0 (standard deduction 13,960 less 12 % over 20,120) - 700 (exemptions) = 499,300
    # tax 3.5 % x 15,110 = 528.85 + 4.4 % x 36,840 = 1,620.96 + 5.3 % x 280,770 = 14,880.81 + 7.65 % x 166,580 =
    #   12,743.37 -> 29,773.99
    ("US-WI", 2026, "single", "500000", "29773.99", "0.00"),
    # taxable 70,000 - 7,974.36 (standard deduction 18,030 less 22.515 % to 58,827, then 12 %) - 700 (exemptions)
    #   = 61,325.64
    # tax 3.5 % x 15,110 = 528.85 + 4.4 % x 36,840 = 1,620.96 + 5.3 % x 9,375.64 = 496.91 -> 2,646.72
    ("US-WI", 2026, "head_of_household", "70000", "2646.72", "0.00"),
    # taxable 60,000 - 19,716.73 (standard deduction 25,840 less 19.778 % over 29,040) - 1,400 (exemptions) =
    #   38,883.27
    # tax 3.5 % x 20,150 = 705.25 + 4.4 % x 18,733.27 = 824.26 -> 1,529.51
    ("US-WI", 2026, "married_joint", "60000", "1529.51", "0.00"),
    # ---- US-WV ----
    # taxable 20,000 - 2,000 (exemptions) = 18,000
    # tax 2.22 % x 10,000 = 222 + 2.96 % x 8,000 = 236.80 -> 458.80
    ("US-WV", 2025, "single", "20000", "458.80", "0.00"),
    # taxable 50,000 - 2,000 (exemptions) = 48,000
    # tax 2.22 % x 10,000 = 222 + 2.96 % x 15,000 = 444 + 3.33 % x 15,000 = 499.50 + 4.44 % x 8,000 = 355.20 ->
    #   1,520.70
    ("US-WV", 2025, "single", "50000", "1520.70", "0.00"),
    # taxable 250,000 - 4,000 (exemptions) = 246,000
    # tax 2.22 % x 10,000 = 222 + 2.96 % x 15,000 = 444 + 3.33 % x 15,000 = 499.50 + 4.44 % x 20,000 = 888 + 4.82
    #   % x 186,000 = 8,965.20 -> 11,018.70
    ("US-WV", 2025, "married_joint", "250000", "11018.70", "0.00"),
    # taxable 20,000 - 2,000 (exemptions) = 18,000
    # tax 2.11 % x 10,000 = 211 + 2.81 % x 8,000 = 224.80 -> 435.80
    ("US-WV", 2026, "single", "20000", "435.80", "0.00"),
    # taxable 50,000 - 2,000 (exemptions) = 48,000
    # tax 2.11 % x 10,000 = 211 + 2.81 % x 15,000 = 421.50 + 3.16 % x 15,000 = 474 + 4.22 % x 8,000 = 337.60 ->
    #   1,444.10
    ("US-WV", 2026, "single", "50000", "1444.10", "0.00"),
    # taxable 250,000 - 4,000 (exemptions) = 246,000
    # tax 2.11 % x 10,000 = 211 + 2.81 % x 15,000 = 421.50 + 3.16 % x 15,000 = 474 + 4.22 % x 20,000 = 844 + 4.58
    #   % x 186,000 = 8,518.80 -> 10,469.30
    ("US-WV", 2026, "married_joint", "250000", "10469.30", "0.00"),
    # ---- US-WY ----
    # no state income tax, no employee contribution
    ("US-WY", 2025, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-WY", 2025, "single", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-WY", 2025, "single", "900000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-WY", 2026, "married_joint", "120000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-WY", 2026, "single", "30000", "0.00", "0.00"),
    # no state income tax, no employee contribution
    ("US-WY", 2026, "single", "900000", "0.00", "0.00"),
]


REGIONS = sorted({case[0] for case in CASES})


@pytest.mark.parametrize("code", REGIONS)
def test_state_tax_worked_by_hand(code):
    """One test per region (each checks all of its cases and lists every miss), which keeps the suite fast."""
    misses = []
    for region, year, status, wages, income_tax, social in CASES:
        if region != code:
            continue
        own = [p for p in estimate(code, year, status, wages).parts if p.region == code]
        got = (
            sum((p.amount for p in own if p.kind == "income"), D(0)),
            sum((p.amount for p in own if p.kind == "social"), D(0)),
        )
        if got != (D(income_tax), D(social)):
            misses.append(f"{year} {status} {wages}: expected {income_tax} / {social}, got {got} ({own})")
    assert not misses, "\n".join(misses)


def _top_of_brackets(code: str, year: int, status: str, wages: str) -> tuple[Decimal, Decimal] | None:
    """(the base a bracket step of `code`'s own file taxes at `wages`, that step's top threshold) for the
    bracket step with the highest top; None for a file without brackets (a flat or no income tax)."""
    rules = chain(code, year)
    values = rules.evaluate(D(wages), status if rules.uses_filing_status else "single")
    found = []
    for step in rules.steps:
        rule = step.rule
        if step.region != code or rule.type != "brackets" or not isinstance(rule.of, str):
            continue
        rows = rule.rates[status] if isinstance(rule.rates, dict) else rule.rates
        of = rule.of if "." in rule.of else f"{code}.{rule.of}"
        found.append((values[of], max(start for start, _ in rows)))
    return max(found, key=lambda pair: pair[1]) if found else None


def test_every_state_and_dc_has_hand_worked_cases_at_three_incomes_up_to_above_the_top_bracket():
    """For the rules a 2026 estimate uses (the 2026 file, or 2025's where 2026 is not published): three
    or more incomes, and at least one whose taxed base passes the top bracket's threshold."""
    for state in STATES_AND_DC:
        code = f"US-{state}"
        year = chain(code, 2026).files[-1].region.year
        cases = [case for case in CASES if case[0] == code and case[1] == year]
        assert len({case[3] for case in cases}) >= 3, (code, year)
        tops = [_top_of_brackets(code, year, case[2], case[3]) for case in cases]
        assert all(t is None for t in tops) or any(t is not None and t[0] > t[1] for t in tops), (code, year)


def test_every_state_and_dc_is_offered_with_its_name():
    offered = dict(regions())
    assert len(STATES_AND_DC) == 51
    for state in STATES_AND_DC:
        assert f"US-{state}" in offered, state
        assert offered[f"US-{state}"].endswith("(US)")
    assert offered["US-DC"] == "District of Columbia (US)"
    assert offered["US-CA"] == "California (US)"


def test_2026_uses_2026_rules_where_published_and_says_so_where_not():
    for state in STATES_AND_DC:
        result = public_estimate(f"US-{state}", 2026, "single", D(100000))
        assert result is not None, state
        own_year = chain(f"US-{state}", 2026).files[-1].region.year
        if state in FALLBACK_2026:
            assert own_year == 2025 and result.fallback, state
            assert "2025 rules" in result.label and "not yet published" in result.label, (state, result.label)
        else:
            assert own_year == 2026, state


def test_no_income_tax_states_leave_federal_and_fica_only():
    for state in ("FL", "NV", "NH", "SD", "TN", "TX", "WY"):
        result = public_estimate(f"US-{state}", 2026, "single", D(150000))
        assert {p.region for p in result.parts} == {"US"}, state


def test_maryland_names_its_default_county_rate():
    names = [p.name for p in public_estimate("US-MD", 2025, "single", D(80000)).parts]
    assert any("county" in n and "3.20 %" in n for n in names), names


def test_new_york_recapture_flattens_the_rate_once_agi_passes_the_phase_in():
    # Single, AGI 157,650 (107,650 + 50,000): the whole benefit of the rates below 6 % is recaptured,
    # so the tax equals 6 % of taxable income (149,650) less nothing: 8,979.00.
    own = parts("US-NY", 2025, "single", "157650", region="US-NY")
    assert own["New York State income tax"] == D("8979.00")
    # Over 25,000,000 of AGI: 10.9 % of all taxable income: 10.9 % x (25,000,001 - 8,000 = 24,992,001)
    # = 2,724,128.109 -> 2,724,128.11.
    own = parts("US-NY", 2025, "single", "25000001", region="US-NY")
    assert own["New York State income tax"] == D("2724128.11")
