# Dates as British English writes them: "5 March 2026", "Thursday 5 March
# 2026, 17:00" (the Danish "5. March" is no English).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
