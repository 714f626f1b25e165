# Dates as Danish readers write them: "5. marts 2026", "torsdag 5. marts
# 2026, kl. 17.00".
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"l j. F Y, \k\l. H.i"
