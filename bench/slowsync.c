/* A slow disk for bench/latency.py: every fsync and fdatasync waits
 * SLOWSYNC_MS milliseconds (default 10, an old PC's spinning disk) before
 * doing the real call. Built by the bench with
 *     gcc -shared -fPIC -O2 -o slowsync.so slowsync.c -ldl
 * and loaded into the app with LD_PRELOAD. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void wait_a_while(void)
{
    const char *env = getenv("SLOWSYNC_MS");
    long ms = env ? atol(env) : 10;
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    wait_a_while();
    return real(fd);
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    wait_a_while();
    return real(fd);
}
