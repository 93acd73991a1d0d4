# A synthetic SMART-style anthropometric survey (children 0-59 months) for the survey
# analysis tests and the command-line example: 3 strata (regions), 8 clusters each, 12 to
# 20 children per cluster, sampling weights by region and cluster; heights and weights drawn
# from WHO's LMS tables (data/who-growth) around Mali-like z-score means (HAZ -1.2, WHZ -0.7,
# SD about 1.05), with a few oedema cases, missing MUAC, data-entry errors (WHO-flagged
# values) and heaping on whole kilograms. Run once from this directory; the output,
# survey-sample.csv, is committed. Rscript make-survey-sample.R
set.seed(5012026)
tables <- "../../../../data/who-growth/"
lhfa <- read.csv(paste0(tables, "who2006_length_height_for_age.csv"))
wfh <- read.csv(paste0(tables, "who2006_weight_for_height.csv"))
wfl <- read.csv(paste0(tables, "who2006_weight_for_length.csv"))
lms_value <- function(l, m, s, z) if (l == 0) m * exp(s * z) else m * (1 + l * s * z)^(1 / l)
rows <- list()
regions <- c("Kayes", "Mopti", "Gao")
region_weight <- c(Kayes = 410, Mopti = 380, Gao = 95)
region_whz <- c(Kayes = -0.75, Mopti = -0.55, Gao = -0.95)
cluster <- 100
for (region in regions) {
  for (k in 1:8) {
    cluster <- cluster + 1
    cluster_whz <- rnorm(1, region_whz[[region]], 0.25)
    w <- round(region_weight[[region]] * runif(1, 0.7, 1.4), 2)
    for (i in seq_len(sample(12:20, 1))) {
      sex <- sample(1:2, 1)
      age <- sample(0:1825, 1)
      haz <- rnorm(1, -1.2, 1.05)
      row <- lhfa[lhfa$sex == sex & lhfa$age_days == age, ]
      lenhei <- row$m * (1 + row$s * haz)
      measure <- if (age < 731) "l" else "h"
      whz <- rnorm(1, cluster_whz, 1)
      tab <- if (age < 731) wfl else wfh
      key <- if (age < 731) "length_cm" else "height_cm"
      at <- round(min(max(lenhei, min(tab[[key]])), max(tab[[key]])), 1)
      r <- tab[tab$sex == sex & abs(tab[[key]] - at) < 1e-9, ]
      weight <- lms_value(r$l, r$m, r$s, whz)
      weight <- if (runif(1) < 0.15) round(weight) else round(weight, 1)
      lenhei <- round(lenhei, 1)
      muac <- if (age >= 183 && runif(1) > 0.05) round(rnorm(1, 13.8 + 0.6 * whz, 0.9), 1) else NA
      oedema <- if (runif(1) < 0.008) "y" else "n"
      if (runif(1) < 0.01) weight <- weight * 10 # a data-entry error: flagged by WHO
      rows[[length(rows) + 1]] <- data.frame(
        region = region, cluster = cluster, weight = w, sex = sex, age_days = age,
        weight_kg = weight, lenhei_cm = lenhei, measure = measure, oedema = oedema, muac_cm = muac
      )
    }
  }
}
data <- do.call(rbind, rows)
write.csv(data, "survey-sample.csv", row.names = FALSE, na = "", quote = FALSE)
