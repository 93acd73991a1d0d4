# Design-based proportions with R's survey package, declared and called exactly as WHO's
# anthro_prevalence does (anthro R/prevalence.R: build_survey_design and
# compute_prevalence_zscore_summary), plus the design effect of svymean(deff = "replace").
# Usage: Rscript design-estimates.R design-data.csv > design-estimates.csv
# Output: indicator, group, n, estimate, se, ci_low, ci_high, deff, df (proportions 0-1).
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[[1]], stringsAsFactors = FALSE)
design <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = data)
df <- degf(design)
out <- NULL
for (indicator in c("y1", "y2")) {
  f <- as.formula(paste0("~", indicator))
  for (group in c("All", sort(unique(data$group)))) {
    # svyby() estimates a group on design[group rows, ], as here.
    d <- if (group == "All") design else design[data$group == group, ]
    n <- sum(!is.na(data[[indicator]]) & (group == "All" | data$group == group))
    m <- suppressWarnings(svymean(f, d, na.rm = TRUE, deff = "replace"))
    ci <- suppressWarnings(confint(svyciprop(f, d, method = "logit", df = df)))
    out <- rbind(out, data.frame(indicator = indicator, group = group, n = n,
      estimate = coef(m)[[1]], se = SE(m)[[1]], ci_low = ci[1], ci_high = ci[2],
      deff = deff(m)[[1]], df = df))
  }
}
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
