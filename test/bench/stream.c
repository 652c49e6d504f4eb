/*
 * The floor for test/bench/optimizers.bench.ts: each update rule's step as a plain C loop over
 * the same arrays (the same bytes read and written, the same arithmetic), which the compiler
 * vectorizes. Built by the bench with `cc -O3 -march=native stream.c -lm`.
 *
 * Usage: stream RULE N REPS   (RULE: sgd momentum nesterov adagrad rmsprop adam adamw)
 * Prints one line of JSON: {"rule": ..., "n": ..., "ms": [REPS step times in milliseconds]}.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void step(const char *rule, long n, int t, double *restrict x, const double *restrict dx,
                 double *restrict a, double *restrict b) {
  const double lr = 1e-3, rho = 0.9, decay = 0.99, eps = 1e-7, beta1 = 0.9, beta2 = 0.999, wd = 1e-2;
  if (!strcmp(rule, "sgd")) {
    for (long i = 0; i < n; i++) x[i] -= lr * dx[i];
  } else if (!strcmp(rule, "momentum")) {
    for (long i = 0; i < n; i++) { double v = rho * a[i] + dx[i]; a[i] = v; x[i] -= lr * v; }
  } else if (!strcmp(rule, "nesterov")) {
    for (long i = 0; i < n; i++) { double v = rho * a[i] + dx[i]; a[i] = v; x[i] -= lr * (dx[i] + rho * v); }
  } else if (!strcmp(rule, "adagrad")) {
    for (long i = 0; i < n; i++) { double g = a[i] + dx[i] * dx[i]; a[i] = g; x[i] -= lr * dx[i] / (sqrt(g) + eps); }
  } else if (!strcmp(rule, "rmsprop")) {
    for (long i = 0; i < n; i++) {
      double g = decay * a[i] + (1 - decay) * dx[i] * dx[i]; a[i] = g; x[i] -= lr * dx[i] / (sqrt(g) + eps);
    }
  } else if (!strcmp(rule, "adam") || !strcmp(rule, "adamw")) {
    const double u1 = 1 / (1 - pow(beta1, t)), u2 = 1 / (1 - pow(beta2, t));
    const double shrink = !strcmp(rule, "adamw") ? 1 - lr * wd : 1;
    for (long i = 0; i < n; i++) {
      double m = beta1 * a[i] + (1 - beta1) * dx[i];
      double v = beta2 * b[i] + (1 - beta2) * dx[i] * dx[i];
      a[i] = m; b[i] = v;
      x[i] = x[i] * shrink - lr * (m * u1) / (sqrt(v * u2) + eps);
    }
  } else {
    fprintf(stderr, "stream: unknown rule %s\n", rule);
    exit(2);
  }
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: stream RULE N REPS\n"); return 2; }
  const char *rule = argv[1];
  long n = atol(argv[2]);
  int reps = atoi(argv[3]);
  double *x = malloc(n * sizeof *x), *dx = malloc(n * sizeof *dx);
  double *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
  if (!x || !dx || !a || !b) { fprintf(stderr, "stream: out of memory\n"); return 1; }
  for (long i = 0; i < n; i++) { x[i] = sin((double)i); dx[i] = 1e-3 * cos((double)i); }
  step(rule, n, 1, x, dx, a, b); /* warm-up: pages touched, caches set */
  printf("{\"rule\": \"%s\", \"n\": %ld, \"ms\": [", rule, n);
  for (int k = 0; k < reps; k++) {
    double t0 = now_ms();
    step(rule, n, k + 2, x, dx, a, b);
    printf("%s%.3f", k ? ", " : "", now_ms() - t0);
  }
  double check = 0;
  for (long i = 0; i < n; i += n / 7 + 1) check += x[i];
  printf("], \"check\": %.17g}\n", check);
  return 0;
}
