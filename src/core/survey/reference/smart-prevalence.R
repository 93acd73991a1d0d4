# SMART's acute malnutrition (SMART Methodology manual 2.0, 2017; ENA for SMART's report):
# GAM (WHZ < -2 and/or oedema), MAM (-3 <= WHZ < -2, no oedema), SAM (WHZ < -3 and/or
# oedema) for children 6-59 months, WHZ with a SMART flag left out instead of WHO's flags —
# the SMART flag as plausibility.R takes it (more than 3 from the mean of every computed WHZ
# of the file). Estimated with R's survey package on anthro_prevalence's design, exclusions
# and groups (as anthro-prevalence.R: svymean deff = "replace", svyciprop logit with
# df = degf(design)), for the survey sample whose z-scores Denw's growth engine computed.
# Usage: Rscript smart-prevalence.R survey-sample-zscores.csv > smart-prevalence.csv
# Output: indicator, group, n, prevalence, se, ci_low, ci_high, deff (percent).
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[[1]], stringsAsFactors = FALSE)

m <- mean(d$zwfl, na.rm = TRUE)
d$smart_flag <- !is.na(d$zwfl) & (d$zwfl < m - 3 | d$zwfl > m + 3)
oedema <- tolower(trimws(d$oedema)) %in% c("y", "1")
keep <- !(is.na(d$cluster) | is.na(d$region)) & (is.na(d$age_days) | d$age_days <= 1826)
d <- d[keep, ]
oedema <- oedema[keep]
d$weight[is.na(d$weight)] <- 0
age_group <- cut(d$age_days / 30.4375, breaks = c(0, 6, 12, 24, 36, 48, 60),
  labels = c("00-05 mo", "06-11 mo", "12-23 mo", "24-35 mo", "36-47 mo", "48-59 mo"), right = FALSE)
sex <- factor(ifelse(d$sex %in% c(1, "1", "m", "M"), "Male", "Female"), levels = c("Female", "Male"))
groups <- list(
  list(label = "All", values = factor(rep("All", nrow(d)))),
  list(label = "Age group", values = age_group),
  list(label = "Sex", values = sex),
  list(label = "region", values = factor(d$region))
)
eligible <- !is.na(d$age_days) & d$age_days / 30.4375 >= 6
whz <- ifelse(d$smart_flag, NA_real_, d$zwfl)
smart <- function(oedema_value, test) {
  as.integer(ifelse(!eligible, NA_integer_, ifelse(oedema, oedema_value, ifelse(is.na(whz), NA_integer_, ifelse(test(whz), 1L, 0L)))))
}
indicators <- list(
  SMART_GAM = smart(1L, function(z) z < -2),
  SMART_MAM = smart(0L, function(z) z >= -3 & z < -2),
  SMART_SAM = smart(1L, function(z) z < -3)
)

options(survey.lonely.psu = "adjust")
out <- NULL
for (name in names(indicators)) {
  survey_data <- data.frame(cluster = d$cluster, strata = d$region, sampling_weights = d$weight, var_prev = indicators[[name]])
  design <- svydesign(ids = ~cluster, strata = ~strata, weights = ~sampling_weights, data = survey_data)
  df <- degf(design)
  for (g in groups) {
    for (level in levels(g$values)) {
      members <- !is.na(g$values) & g$values == level
      group <- if (g$label == "All") "All" else paste0(g$label, ": ", level)
      n <- sum(members & !is.na(survey_data$var_prev))
      if (n == 0) {
        out <- rbind(out, data.frame(indicator = name, group = group, n = 0, prevalence = NA, se = NA, ci_low = NA, ci_high = NA, deff = NA))
        next
      }
      sub <- design[members, ]
      est <- suppressWarnings(svymean(~var_prev, sub, na.rm = TRUE, deff = "replace"))
      p <- coef(est)[[1]]
      # At 0 or 100 % the logistic fit does not converge; Denw (and anthro's rounded output) give [p, p].
      ci <- if (p == 0 || p == 1) c(p, p) else suppressWarnings(confint(svyciprop(~var_prev, sub, vartype = "ci", df = df, method = "logit")))
      out <- rbind(out, data.frame(indicator = name, group = group, n = n,
        prevalence = p * 100, se = SE(est)[[1]] * 100, ci_low = ci[1] * 100, ci_high = ci[2] * 100, deff = deff(est)[[1]]))
    }
  }
}
write.csv(out, stdout(), row.names = FALSE, quote = FALSE, na = "")
