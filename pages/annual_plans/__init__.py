"""The council's annual plan (årshjul) drawn for the public: the year's
items as a list by month and as a wheel (the page type and its entries are
pages.models.AnnualPlanPage and AnnualPlanEntry)."""
