/* C reference for EvtchnAbiGen's benchmarks: the same algorithms as Runtime/EvtchnAbiGen.Runtime,
 * written with GCC __atomic builtins (gcc turns a fetch_or whose single-bit result is tested into
 * 'lock bts', and an unused one into 'lock or', as Linux's sync_* bitops would do by hand).
 * Build: gcc -O2 -pthread evtchn_ref.c -o evtchn_ref.   Output: "<case> <ns per op>" lines.
 * Layout facts (64-bit words, 4096 2-level ports, 262144 3-level ports, FIFO bits) are from Xen's
 * public event_channel.h / xen.h and our 3-level reconstruction (docs/three-level-abi.md). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef uint64_t word_t;
#define W 64

static inline int test_and_set(volatile word_t *bm, int n) {
    word_t m = (word_t)1 << (n % W);
    return (__atomic_fetch_or(&bm[n / W], m, __ATOMIC_SEQ_CST) & m) != 0;
}
static inline int test_and_clear(volatile word_t *bm, int n) {
    word_t m = (word_t)1 << (n % W);
    return (__atomic_fetch_and(&bm[n / W], ~m, __ATOMIC_SEQ_CST) & m) != 0;
}
static inline void set_bit(volatile word_t *bm, int n) { __atomic_fetch_or(&bm[n / W], (word_t)1 << (n % W), __ATOMIC_SEQ_CST); }
static inline void clear_bit(volatile word_t *bm, int n) { __atomic_fetch_and(&bm[n / W], ~((word_t)1 << (n % W)), __ATOMIC_SEQ_CST); }
static inline int test_bit(volatile word_t *bm, int n) { return (__atomic_load_n(&bm[n / W], __ATOMIC_ACQUIRE) >> (n % W)) & 1; }
static inline word_t upper(word_t b, int s) { return s >= 64 ? 0 : b & (~(word_t)0 << s); }
static inline word_t lower(word_t b, int s) { return s >= 64 ? b : b & ~(~(word_t)0 << s); }
static inline int pop_lowest(word_t *b) { int i = __builtin_ctzll(*b); *b &= *b - 1; return i; }

static double now_ns(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static volatile long sink;
static long handled;
static inline void handle(int port) { handled += port; }   /* the no-op handler, as in C# */

/* ---------------- 2-level ---------------- */
static struct { word_t pending[64], mask[64], sel; uint8_t upcall; int resume; } l2;

static int l2_scan_word(int w, int start_word, int start_bit) {
    word_t active = __atomic_load_n(&l2.pending[w], __ATOMIC_ACQUIRE) & ~__atomic_load_n(&l2.mask[w], __ATOMIC_ACQUIRE);
    int from = w == start_word ? start_bit : 0, n = 0;
    word_t first = upper(active, from), then = lower(active, from);
    while (first) { int p = (w << 6) | pop_lowest(&first); clear_bit(l2.pending, p); l2.resume = (p + 1) & 4095; handle(p); n++; }
    while (then) { int p = (w << 6) | pop_lowest(&then); clear_bit(l2.pending, p); l2.resume = (p + 1) & 4095; handle(p); n++; }
    return n;
}
static int l2_scan(void) {
    word_t words = __atomic_exchange_n(&l2.sel, 0, __ATOMIC_SEQ_CST);
    if (!words) return 0;
    int sw = l2.resume >> 6, sb = l2.resume & 63, n = 0;
    word_t first = upper(words, sw), then = lower(words, sw);
    while (first) n += l2_scan_word(pop_lowest(&first), sw, sb);
    while (then) n += l2_scan_word(pop_lowest(&then), sw, sb);
    return n;
}

/* ---------------- 3-level ---------------- */
static struct { word_t pending[4096], mask[4096], l2sel[64], l1; uint8_t upcall; int resume; } l3;

static int l3_scan_word(int w, int start_word, int start_bit) {
    word_t active = __atomic_load_n(&l3.pending[w], __ATOMIC_ACQUIRE) & ~__atomic_load_n(&l3.mask[w], __ATOMIC_ACQUIRE);
    int from = w == start_word ? start_bit : 0, n = 0;
    word_t first = upper(active, from), then = lower(active, from);
    while (first) { int p = (w << 6) | pop_lowest(&first); clear_bit(l3.pending, p); l3.resume = (p + 1) & 262143; handle(p); n++; }
    while (then) { int p = (w << 6) | pop_lowest(&then); clear_bit(l3.pending, p); l3.resume = (p + 1) & 262143; handle(p); n++; }
    return n;
}
static int l3_scan_l2(int i, int s1, int s2, int s3) {
    word_t l2w = __atomic_exchange_n(&l3.l2sel[i], 0, __ATOMIC_SEQ_CST);
    int from = i == s1 ? s2 : 0, n = 0, sw = i == s1 ? (s1 << 6) | s2 : -1;
    word_t first = upper(l2w, from), then = lower(l2w, from);
    while (first) n += l3_scan_word((i << 6) | pop_lowest(&first), sw, s3);
    while (then) n += l3_scan_word((i << 6) | pop_lowest(&then), sw, s3);
    return n;
}
static int l3_scan(void) {
    word_t l1 = __atomic_exchange_n(&l3.l1, 0, __ATOMIC_SEQ_CST);
    if (!l1) return 0;
    int s = l3.resume, s1 = s >> 12, s2 = (s >> 6) & 63, s3 = s & 63, n = 0;
    word_t first = upper(l1, s1), then = lower(l1, s1);
    while (first) n += l3_scan_l2(pop_lowest(&first), s1, s2, s3);
    while (then) n += l3_scan_l2(pop_lowest(&then), s1, s2, s3);
    return n;
}

/* Pending sets as the C# benchmark builds them: ports spread evenly at the given density over the first
 * `ports` ports; re-armed by plain stores of the precomputed words before every scan (same in C#). */
typedef struct { int n; int idx[4096]; word_t val[4096]; int n2; int idx2[64]; word_t val2[64]; word_t l1; int count; } arm_t;
static void build_arm(arm_t *a, int ports, double density, int words_per_l2) {
    memset(a, 0, sizeof *a);
    static word_t pend[4096], sel2[64];
    memset(pend, 0, sizeof pend); memset(sel2, 0, sizeof sel2);
    long want = (long)(ports * density); if (want < 1) want = 1;
    double step = (double)ports / want;
    for (long k = 0; k < want; k++) { int p = (int)(k * step); pend[p >> 6] |= (word_t)1 << (p & 63); a->count++; }
    for (int w = 0; w < 4096; w++) if (pend[w]) { a->idx[a->n] = w; a->val[a->n++] = pend[w]; sel2[w / words_per_l2] |= (word_t)1 << (w % words_per_l2); }
    for (int i = 0; i < 64; i++) if (sel2[i]) { a->idx2[a->n2] = i; a->val2[a->n2++] = sel2[i]; a->l1 |= (word_t)1 << i; }
}

/* ---------------- FIFO ---------------- */
#define PENDING (1u << 31)
#define MASKED (1u << 30)
#define LINKED (1u << 29)
#define BUSY (1u << 28)
#define LINK_MASK ((1u << 17) - 1)
#define FIFO_PORTS 8192
static uint32_t fw[FIFO_PORTS];
static struct { uint32_t ready, rsvd, head[16]; } cb;
static struct { int lock; uint32_t tail; } fq[16];
static uint8_t prio[FIFO_PORTS];
static int lastq[FIFO_PORTS];
static uint32_t local_head[16];
static uint8_t fifo_upcall;

static inline void qlock(int *l) { while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE)) while (__atomic_load_n(l, __ATOMIC_RELAXED)) __builtin_ia32_pause(); }
static inline void qunlock(int *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }
static int set_link(uint32_t *w, uint32_t port) {   /* Xen's evtchn_fifo_set_link */
    uint32_t old = __atomic_load_n(w, __ATOMIC_ACQUIRE);
    if (!(old & LINKED)) return 0;
    if (__atomic_compare_exchange_n(w, &old, (old & ~(BUSY | LINK_MASK)) | port, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return 1;
    __atomic_fetch_or(w, BUSY, __ATOMIC_SEQ_CST);
    for (int i = 0; i < 4; i++) {
        old = __atomic_load_n(w, __ATOMIC_ACQUIRE);
        if (!(old & LINKED)) { __atomic_fetch_and(w, ~BUSY, __ATOMIC_SEQ_CST); return 0; }
        if (__atomic_compare_exchange_n(w, &old, (old & ~(BUSY | LINK_MASK)) | port, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return 1;
    }
    __atomic_fetch_and(w, ~BUSY, __ATOMIC_SEQ_CST);
    return 1;
}
static inline void qlock2(int qi, int oi) { if (oi == qi) qlock(&fq[qi].lock); else if (oi < qi) { qlock(&fq[oi].lock); qlock(&fq[qi].lock); } else { qlock(&fq[qi].lock); qlock(&fq[oi].lock); } }
static inline void qunlock2(int qi, int oi) { if (oi != qi) qunlock(&fq[oi].lock); qunlock(&fq[qi].lock); }
static void fifo_raise(int port) {
    int qi, oi;
    for (;;) {   /* lock on stable facts: re-read them under the locks, retry while they changed (Xen 2020 rework) */
        qi = __atomic_load_n(&prio[port], __ATOMIC_ACQUIRE); oi = __atomic_load_n(&lastq[port], __ATOMIC_ACQUIRE);
        qlock2(qi, oi);
        if (__atomic_load_n(&prio[port], __ATOMIC_ACQUIRE) == qi && __atomic_load_n(&lastq[port], __ATOMIC_ACQUIRE) == oi) break;
        qunlock2(qi, oi);
    }
    int linked = 1;
    __atomic_fetch_or(&fw[port], PENDING, __ATOMIC_SEQ_CST);
    if (!(__atomic_load_n(&fw[port], __ATOMIC_ACQUIRE) & MASKED) && !(__atomic_fetch_or(&fw[port], LINKED, __ATOMIC_SEQ_CST) & LINKED)) {
        if (fq[oi].tail == (uint32_t)port) fq[oi].tail = 0;
        if (oi != qi) __atomic_store_n(&lastq[port], qi, __ATOMIC_RELEASE);
        linked = fq[qi].tail != 0 && set_link(&fw[fq[qi].tail], port);
        if (!linked) __atomic_store_n(&cb.head[qi], port, __ATOMIC_RELEASE);
        fq[qi].tail = port;
    }
    qunlock2(qi, oi);
    if (!linked && !(__atomic_fetch_or(&cb.ready, 1u << qi, __ATOMIC_SEQ_CST) & (1u << qi)))
        __atomic_fetch_or(&fifo_upcall, 1, __ATOMIC_SEQ_CST);
}
static uint32_t clear_linked(uint32_t *w) {
    uint32_t old = __atomic_load_n(w, __ATOMIC_ACQUIRE);
    while (!__atomic_compare_exchange_n(w, &old, old & ~(LINKED | LINK_MASK), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {}
    return old & LINK_MASK;
}
static int fifo_consume(void) {
    uint32_t ready = __atomic_exchange_n(&cb.ready, 0, __ATOMIC_SEQ_CST);
    int n = 0;
    while (ready) {
        int q = __builtin_ctz(ready);
        uint32_t port = local_head[q];
        if (!port) port = __atomic_load_n(&cb.head[q], __ATOMIC_ACQUIRE);
        if (!port) ready &= ~(1u << q);
        else {
            uint32_t next = clear_linked(&fw[port]);
            if (!next) ready &= ~(1u << q);
            local_head[q] = next;
            uint32_t w = __atomic_load_n(&fw[port], __ATOMIC_ACQUIRE);
            if ((w & (PENDING | MASKED)) == PENDING) { __atomic_fetch_and(&fw[port], ~PENDING, __ATOMIC_SEQ_CST); handle(port); n++; }
        }
        ready |= __atomic_exchange_n(&cb.ready, 0, __ATOMIC_SEQ_CST);
    }
    return n;
}

/* ---------------- harness ---------------- */
static double median(double *v, int n) {
    for (int i = 1; i < n; i++) for (int j = i; j > 0 && v[j] < v[j - 1]; j--) { double t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
    return v[n / 2];
}
#define RUNS 9
#define TIME(name, ops, body) do { double r[RUNS]; for (int run = 0; run < RUNS; run++) { double t0 = now_ns(); body; r[run] = (now_ns() - t0) / (ops); } printf("%s %.3f\n", name, median(r, RUNS)); fflush(stdout); } while (0)

static word_t bm[64];
static volatile int go, ready;
/* Both threads check in and wait (yielding) for 'go', so the timed part is two threads contending
 * for the whole run; a staggered start would let one run alone and look faster. */
static long contender_ops;
static void *contender(void *arg) {
    long n = contender_ops;
    cpu_set_t set;   /* one thread per CPU, so the two really contend (same in C#) */
    CPU_ZERO(&set);
    CPU_SET((int)(long)arg, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    __atomic_fetch_add(&ready, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) sched_yield();
    for (long i = 0; i < n; i++) set_bit(bm, 1);
    return 0;
}

static void scan_case(const char *name, int three, int ports, double density, int reps) {
    static arm_t a;
    build_arm(&a, ports, density, 64);
    long delivered = (long)a.count * reps;
    TIME(name, delivered, for (int r = 0; r < reps; r++) {
        if (three) {
            for (int k = 0; k < a.n; k++) l3.pending[a.idx[k]] = a.val[k];
            for (int k = 0; k < a.n2; k++) l3.l2sel[a.idx2[k]] = a.val2[k];
            l3.l1 = a.l1;
            sink += l3_scan();
        } else {
            for (int k = 0; k < a.n; k++) l2.pending[a.idx[k]] = a.val[k];
            word_t sel = 0;
            for (int k = 0; k < a.n; k++) sel |= (word_t)1 << a.idx[k];
            l2.sel = sel;
            sink += l2_scan();
        }
    });
}

int main(int argc, char **argv) {
    int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    long N = quick ? 2000000 : 20000000;
    TIME("set_bit", N, for (long i = 0; i < N; i++) set_bit(bm, (int)(i & 4095)));
    TIME("clear_bit", N, for (long i = 0; i < N; i++) clear_bit(bm, (int)(i & 4095)));
    TIME("test_and_set_bit", N, for (long i = 0; i < N; i++) sink += test_and_set(bm, (int)(i & 4095)));
    {
        long per = N / 2; double r[RUNS];
        for (int run = 0; run < RUNS; run++) {
            pthread_t a, b; go = 0; ready = 0;
            contender_ops = per;
            pthread_create(&a, 0, contender, (void *)0L); pthread_create(&b, 0, contender, (void *)1L);
            while (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) < 2) sched_yield();
            double t0 = now_ns(); __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
            pthread_join(a, 0); pthread_join(b, 0);
            r[run] = (now_ns() - t0) / per;
        }
        printf("contended_set_2t %.3f\n", median(r, RUNS));
    }
    int reps = quick ? 20 : 100;
    scan_case("scan_2l_4096_50pct", 0, 4096, 0.5, reps * 20);
    scan_case("scan_3l_262144_0.1pct", 1, 262144, 0.001, reps * 20);
    scan_case("scan_3l_262144_50pct", 1, 262144, 0.5, reps / 4 + 1);
    if (!quick) {
        const double dens[] = { 0.001, 0.01, 0.1, 0.5 };
        const char *dn[] = { "0.1pct", "1pct", "10pct", "50pct" };
        const int sizes[] = { 4096, 32768, 262144 };
        char name[64];
        for (int d = 0; d < 4; d++) {
            snprintf(name, sizeof name, "scale_2l_4096_%s", dn[d]);
            scan_case(name, 0, 4096, dens[d], 400);
            for (int s = 0; s < 3; s++) {
                snprintf(name, sizeof name, "scale_3l_%d_%s", sizes[s], dn[d]);
                scan_case(name, 1, sizes[s], dens[d], sizes[s] == 262144 && d >= 2 ? 5 : 100);
            }
        }
    }
    {
        /* FIFO: raise 512 ports across 4 priorities, then consume them all. */
        for (int p = 0; p < FIFO_PORTS; p++) { prio[p] = 7; lastq[p] = 7; }
        int nports = 512; long rounds = quick ? 2000 : 20000;
        for (int k = 1; k <= nports; k++) { prio[k * 8] = (uint8_t)(k % 4); lastq[k * 8] = k % 4; }
        TIME("fifo_raise_consume", (double)rounds * nports, for (long r = 0; r < rounds; r++) {
            for (int k = 1; k <= nports; k++) fifo_raise(k * 8);
            fifo_upcall = 0; sink += fifo_consume();
        });
    }
    return 0;
}
