/*
 * peer_betweenness.c: times the igraph C library's subset betweenness
 * (igraph_betweenness_subset, igraph 0.10) from exactly the sources
 * partnet's sampled betweenness uses, for cmd/partnetbench.
 *
 * Build: gcc -O2 -o peer_betweenness peer_betweenness.c $(pkg-config --cflags --libs igraph)
 * (Debian: apt-get install libigraph-dev).
 *
 * Usage: peer_betweenness NCOL N SOURCES OUT_PREFIX
 *
 * NCOL holds "i j w" lines with node indices 0..N-1 (partnetbench's
 * writeNcol: the snapshot's merged ties), SOURCES one node index a line.
 * Prints one JSON object with the wall and CPU seconds of the unweighted
 * and the weighted (length 1/w, as partnet) subset betweenness, and writes
 * the values, one a line in %.17g, to OUT_PREFIX.unweighted and
 * OUT_PREFIX.weighted so the harness can check them against partnet's.
 */
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double wall(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int write_values(const char *prefix, const char *suffix, const igraph_vector_t *v) {
    char path[4096];
    snprintf(path, sizeof path, "%s.%s", prefix, suffix);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++) {
        fprintf(f, "%.17g\n", VECTOR(*v)[i]);
    }
    return fclose(f) != 0;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: peer_betweenness NCOL N SOURCES OUT_PREFIX\n");
        return 2;
    }
    igraph_integer_t n = atoll(argv[2]);
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    igraph_vector_int_t edges;
    igraph_vector_t lengths;
    igraph_vector_int_init(&edges, 0);
    igraph_vector_init(&lengths, 0);
    long long a, b;
    double w;
    while (fscanf(f, "%lld %lld %lf", &a, &b, &w) == 3) {
        if (a < 0 || b < 0 || a >= n || b >= n || !(w > 0)) {
            fprintf(stderr, "%s: tie %lld %lld %g: want node indices below %lld and a positive weight\n", argv[1], a, b, w, (long long)n);
            return 1;
        }
        igraph_vector_int_push_back(&edges, a);
        igraph_vector_int_push_back(&edges, b);
        igraph_vector_push_back(&lengths, 1.0 / w);
    }
    fclose(f);
    FILE *sf = fopen(argv[3], "r");
    if (!sf) {
        perror(argv[3]);
        return 1;
    }
    igraph_vector_int_t src;
    igraph_vector_int_init(&src, 0);
    while (fscanf(sf, "%lld", &a) == 1) {
        igraph_vector_int_push_back(&src, a);
    }
    fclose(sf);

    igraph_t g;
    if (igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) {
        return 1;
    }
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    igraph_vs_t sources;
    igraph_vs_vector(&sources, &src);

    double w0 = wall(), c0 = cpu();
    igraph_betweenness_subset(&g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, sources, igraph_vss_all(), NULL);
    double uw = wall() - w0, uc = cpu() - c0;
    if (write_values(argv[4], "unweighted", &res)) {
        return 1;
    }
    w0 = wall(), c0 = cpu();
    igraph_betweenness_subset(&g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, sources, igraph_vss_all(), &lengths);
    double ww = wall() - w0, wc = cpu() - c0;
    if (write_values(argv[4], "weighted", &res)) {
        return 1;
    }
    printf("{\"unweighted\": %.6f, \"unweighted_cpu\": %.6f, \"weighted\": %.6f, \"weighted_cpu\": %.6f, \"sources\": %lld, \"igraph_version\": \"%s\"}\n",
           uw, uc, ww, wc, (long long)igraph_vector_int_size(&src), IGRAPH_VERSION);
    return 0;
}
