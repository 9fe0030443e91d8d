/* LD_PRELOAD shim for bench/latency.py: every fsync and fdatasync takes
   SLOW_FSYNC_MS milliseconds longer (default 10), as on an old PC's spinning
   disk. Built by the bench with: gcc -shared -fPIC -O2 -o slow_fsync.so slow_fsync.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long delay_ns(void) {
    static long ns = -1;
    if (ns < 0) {
        const char *ms = getenv("SLOW_FSYNC_MS");
        ns = (ms ? atol(ms) : 10) * 1000000L;
    }
    return ns;
}

static void wait_a_while(void) {
    struct timespec t = {delay_ns() / 1000000000L, delay_ns() % 1000000000L};
    while (nanosleep(&t, &t) != 0) {
    }
}

int fsync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    wait_a_while();
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    wait_a_while();
    return real(fd);
}
