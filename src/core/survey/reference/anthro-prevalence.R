# anthro_prevalence's prevalence estimates, written out with R's survey package, for the
# survey sample whose z-scores were computed by Denw's growth engine (itself checked equal
# to WHO's anthro_zscores): the steps and survey calls of WHO's anthro R package
# (github.com/WorldHealthOrganization/anthro, R/prevalence.R, 1.1.0.9000), which cannot be
# installed on this machine. Adds the design effect (svymean deff = "replace") and groups by
# region as anthro's "Other grouping" would.
# Usage: Rscript anthro-prevalence.R survey-sample-zscores.csv > anthro-prevalence.csv
# Output: indicator, group, n, prevalence, se, ci_low, ci_high, deff (percent).
# With a second argument "zscores": anthro's z-score summary instead (compute_prevalence_
# zscore_summary's svymean, confint(df = degf(design)) and svyvar, by svyby as anthro calls
# them, the "All" row without svyby as anthro computes it) on the z-scores without WHO flags
# and, for the weight-based ones, without oedema (anthro's z_summ):
#   Rscript anthro-prevalence.R survey-sample-zscores.csv zscores > anthro-zscores.csv
# Output: indicator (HA, WA, WH, BMI), group, n (z-scores present), mean, se, ci_low, ci_high, sd.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[[1]], stringsAsFactors = FALSE)

# Flagged z-scores are missing; oedema: weight-based z-scores missing, auxiliary −3.1.
for (ind in c("len", "wei", "bmi", "wfl")) d[[paste0("z", ind)]][d[[paste0("f", ind)]] %in% 1L] <- NA_real_
oedema <- tolower(trimws(d$oedema)) %in% c("y", "1")
for (col in c("zwei", "zwfl", "zbmi")) {
  d[[col]][oedema] <- NA_real_
  d[[paste0(col, "_aux")]] <- ifelse(oedema, -3.1, d[[col]])
}
# Records without cluster or strata, or older than 1826 days, are left out; NA weights are 0.
keep <- !(is.na(d$cluster) | is.na(d$region)) & (is.na(d$age_days) | d$age_days <= 1826)
d <- d[keep, ]
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
cutoffs <- list(`_3` = function(z) z < -3, `_2` = function(z) z < -2, `_1` = function(z) z < -1,
  `1` = function(z) z > 1, `2` = function(z) z > 2, `3` = function(z) z > 3)
z_prev <- c(HA = "zlen", WA = "zwei_aux", WH = "zwfl_aux", BMI = "zbmi_aux")
indicators <- list()
for (prefix in names(z_prev)) for (suffix in names(cutoffs)) {
  indicators[[paste0(prefix, suffix)]] <- as.integer(ifelse(cutoffs[[suffix]](d[[z_prev[[prefix]]]]), 1L, 0L))
}
both <- function(test) as.integer(ifelse(is.na(d$zlen) | is.na(d$zwfl_aux), NA_integer_, ifelse(d$zlen < -2 & test(d$zwfl_aux), 1L, 0L)))
indicators[["HA_2_WH_2"]] <- both(function(x) x < -2)
indicators[["HA_2_WH2"]] <- both(function(x) x > 2)

options(survey.lonely.psu = "adjust")
out <- NULL
if (length(args) > 1 && args[[2]] == "zscores") {
  z_summ <- c(HA = "zlen", WA = "zwei", WH = "zwfl", BMI = "zbmi")
  for (name in names(z_summ)) {
    survey_data <- data.frame(cluster = d$cluster, strata = d$region, sampling_weights = d$weight, var_summ = d[[z_summ[[name]]]])
    design <- svydesign(ids = ~cluster, strata = ~strata, weights = ~sampling_weights, data = survey_data)
    df <- degf(design)
    for (g in groups) {
      survey_data$survey_subsets <- g$values
      design <- svydesign(ids = ~cluster, strata = ~strata, weights = ~sampling_weights, data = survey_data)
      if (g$label == "All") {
        m <- svymean(~var_summ, design, na.rm = TRUE)
        ci <- confint(m, df = df)
        sd <- sqrt(coef(svyvar(~var_summ, design, na.rm = TRUE))[[1]])
        est <- data.frame(level = "All", mean = coef(m)[[1]], se = SE(m)[[1]], ci_low = ci[1], ci_high = ci[2], sd = sd)
      } else {
        m <- svyby(~var_summ, ~survey_subsets, design, svymean, na.rm = TRUE, na.rm.all = TRUE, drop.empty.groups = FALSE)
        ci <- confint(m, df = df)
        v <- svyby(~var_summ, ~survey_subsets, design, svyvar, na.rm = TRUE, na.rm.all = TRUE, drop.empty.groups = FALSE)
        est <- data.frame(level = as.character(m$survey_subsets), mean = m$var_summ, se = SE(m), ci_low = ci[, 1], ci_high = ci[, 2], sd = sqrt(v[, 2]))
      }
      for (level in levels(g$values)) {
        group <- if (g$label == "All") "All" else paste0(g$label, ": ", level)
        n <- sum(!is.na(g$values) & g$values == level & !is.na(survey_data$var_summ))
        e <- est[est$level == level, ]
        if (n == 0 || nrow(e) == 0) e <- data.frame(level = level, mean = NA, se = NA, ci_low = NA, ci_high = NA, sd = NA)
        out <- rbind(out, data.frame(indicator = name, group = group, n = n, mean = e$mean, se = e$se, ci_low = e$ci_low, ci_high = e$ci_high, sd = e$sd))
      }
    }
  }
  write.csv(out, stdout(), row.names = FALSE, quote = FALSE, na = "")
  quit(save = "no")
}
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
      m <- suppressWarnings(svymean(~var_prev, sub, na.rm = TRUE, deff = "replace"))
      ci <- suppressWarnings(confint(svyciprop(~var_prev, sub, vartype = "ci", df = df, method = "logit")))
      out <- rbind(out, data.frame(indicator = name, group = group, n = n,
        prevalence = coef(m)[[1]] * 100, se = SE(m)[[1]] * 100, ci_low = ci[1] * 100, ci_high = ci[2] * 100, deff = deff(m)[[1]]))
    }
  }
}
write.csv(out, stdout(), row.names = FALSE, quote = FALSE, na = "")
