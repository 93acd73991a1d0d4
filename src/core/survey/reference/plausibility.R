# The statistics of the SMART plausibility check computed with base R, as nipnTK computes them
# (sexRatioTest, ageRatioTest, digitPreference, skewKurt: prop.test, chisq.test, the moment
# formulas), for the survey sample whose z-scores Denw's growth engine computed.
# Usage: Rscript plausibility.R survey-sample-zscores.csv > plausibility.csv
# Output: criterion, value, p, n.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[[1]], stringsAsFactors = FALSE)
whz <- d$zwfl
# SMART flags: more than 3 from the mean of all computed WHZ.
m <- mean(whz, na.rm = TRUE)
flag <- !is.na(whz) & (whz < m - 3 | whz > m + 3)
clean <- whz[!is.na(whz) & !flag]
out <- data.frame(criterion = "flaggedWhz", value = 100 * sum(flag) / sum(!is.na(whz)), p = NA, n = sum(!is.na(whz)))
boys <- sum(d$sex == 1); girls <- sum(d$sex == 2)
out <- rbind(out, data.frame(criterion = "sexRatio", value = boys / girls, p = prop.test(boys, boys + girls, p = 0.5)$p.value, n = boys + girls))
months <- floor(d$age_days / 30.4375)
young <- sum(months >= 6 & months <= 29); old <- sum(months >= 30 & months <= 59)
out <- rbind(out, data.frame(criterion = "ageRatio", value = young / old, p = prop.test(young, young + old, p = 0.85 / 1.85)$p.value, n = young + old))
dps <- function(x) {
  x <- x[!is.na(x)]
  s <- formatC(x, digits = 1, format = "f")
  tab <- table(factor(substr(s, nchar(s), nchar(s)), levels = as.character(0:9)))
  chi <- suppressWarnings(chisq.test(tab))
  c(round(100 * sqrt(chi$statistic / (sum(chi$observed) * chi$parameter)), 2), length(x))
}
for (v in list(c("digitPreferenceWeight", "weight_kg"), c("digitPreferenceHeight", "lenhei_cm"), c("digitPreferenceMuac", "muac_cm"))) {
  r <- dps(d[[v[2]]])
  out <- rbind(out, data.frame(criterion = v[1], value = r[[1]], p = NA, n = r[[2]]))
}
n <- length(clean); x <- clean - mean(clean)
out <- rbind(out, data.frame(criterion = "sdWhz", value = sd(clean), p = NA, n = n))
out <- rbind(out, data.frame(criterion = "skewnessWhz", value = sqrt(n) * sum(x^3) / sum(x^2)^1.5, p = NA, n = n))
out <- rbind(out, data.frame(criterion = "kurtosisWhz", value = n * sum(x^4) / sum(x^2)^2 - 3, p = NA, n = n))
cases <- tapply(!is.na(whz) & !flag & whz < -2, paste(d$region, d$cluster), sum)
id <- var(cases) / mean(cases)
out <- rbind(out, data.frame(criterion = "poissonWhz", value = id, p = pchisq((length(cases) - 1) * id, length(cases) - 1, lower.tail = FALSE), n = length(cases)))
write.csv(out, stdout(), row.names = FALSE, quote = FALSE, na = "")
