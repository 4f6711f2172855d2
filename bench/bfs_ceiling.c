/* The practical ceiling for ergraph's traversals: a plain C breadth-first search over the same
 * compressed adjacency arrays ergraph builds (written by `ergraph-bench measure` to csr.bin),
 * following outgoing and incoming links, from every entity not yet reached (what ergraph's
 * weakly connected components do). Prints the best of five runs as JSON.
 *
 * csr.bin: int64 entity count, int64 link count, then int32 arrays: outgoing offsets (n + 1),
 * outgoing neighbours (m), incoming offsets (n + 1), incoming neighbours (m). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int32_t *read_array(FILE *file, int64_t count) {
    int32_t *array = malloc(sizeof(int32_t) * (size_t)(count > 0 ? count : 1));
    if (!array || fread(array, sizeof(int32_t), (size_t)count, file) != (size_t)count) {
        fprintf(stderr, "bfs_ceiling: truncated csr.bin\n");
        exit(1);
    }
    return array;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: bfs_ceiling CSR.bin\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    int64_t n = 0, m = 0;
    if (fread(&n, sizeof n, 1, file) != 1 || fread(&m, sizeof m, 1, file) != 1 || n <= 0 || m < 0) {
        fprintf(stderr, "bfs_ceiling: bad header\n");
        return 1;
    }
    int32_t *out_offsets = read_array(file, n + 1), *out_neighbors = read_array(file, m);
    int32_t *in_offsets = read_array(file, n + 1), *in_neighbors = read_array(file, m);
    fclose(file);
    uint32_t *seen = calloc((size_t)n, sizeof(uint32_t));
    int32_t *queue = malloc(sizeof(int32_t) * (size_t)n);
    double best = 1e300;
    int64_t reached = 0, scanned = 0;
    for (uint32_t run = 1; run <= 5; run++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        int64_t tail = 0, links = 0, components = 0;
        for (int64_t root = 0; root < n; root++) {
            if (seen[root] == run) continue;
            components++;
            int64_t head = tail;
            seen[root] = run;
            queue[tail++] = (int32_t)root;
            while (head < tail) {
                int32_t entity = queue[head++];
                /* Bounds read once: the stores into seen and queue could otherwise alias them. */
                const int32_t out_begin = out_offsets[entity], out_end = out_offsets[entity + 1];
                const int32_t in_begin = in_offsets[entity], in_end = in_offsets[entity + 1];
                for (int32_t slot = out_begin; slot < out_end; slot++) {
                    int32_t next = out_neighbors[slot];
                    if (seen[next] != run) { seen[next] = run; queue[tail++] = next; }
                }
                for (int32_t slot = in_begin; slot < in_end; slot++) {
                    int32_t next = in_neighbors[slot];
                    if (seen[next] != run) { seen[next] = run; queue[tail++] = next; }
                }
                links += (out_end - out_begin) + (in_end - in_begin);
            }
        }
        reached = components;
        clock_gettime(CLOCK_MONOTONIC, &end);
        double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
        if (seconds < best) best = seconds;
        scanned = links;
    }
    printf("{\"components\": %lld, \"links_scanned\": %lld, \"bfs_s\": %.9f, \"edges_per_s\": %.1f}\n",
           (long long)reached, (long long)scanned, best, (double)scanned / best);
    return 0;
}
