# Synthetic stratified cluster sample for checking Denw's design-based estimates
# (src/core/survey/design.ts) against R's survey package. Run once; its output,
# design-data.csv, is committed. Rscript design-data.R
#
# 4 strata: 3 with 5 to 9 clusters, 1 with a single cluster (a "lonely" PSU); 10 to 35
# children per cluster; weights unequal between strata and clusters, a few 0 (missing
# weight in anthro); 2 indicators with missing values; a grouping variable with a rare level.
set.seed(20261128)
rows <- list()
stratum_clusters <- c(A = 7, B = 5, C = 9, D = 1)
cluster_id <- 0
for (s in names(stratum_clusters)) {
  for (k in seq_len(stratum_clusters[[s]])) {
    cluster_id <- cluster_id + 1
    size <- sample(10:35, 1)
    base_weight <- c(A = 120, B = 340, C = 75, D = 500)[[s]] * runif(1, 0.6, 1.6)
    risk <- c(A = 0.08, B = 0.15, C = 0.11, D = 0.2)[[s]] * runif(1, 0.3, 2)
    y1 <- rbinom(size, 1, min(risk, 0.9))
    y1[runif(size) < 0.05] <- NA
    y2 <- rbinom(size, 1, 0.3)
    y2[runif(size) < 0.1] <- NA
    w <- round(base_weight * runif(size, 0.9, 1.1), 3)
    w[runif(size) < 0.02] <- 0
    g <- sample(c("x", "y", "z"), size, replace = TRUE, prob = c(0.55, 0.4, 0.05))
    rows[[length(rows) + 1]] <- data.frame(stratum = s, cluster = cluster_id, weight = w, y1 = y1, y2 = y2, group = g)
  }
}
data <- do.call(rbind, rows)
write.csv(data, "design-data.csv", row.names = FALSE, na = "", quote = FALSE)
