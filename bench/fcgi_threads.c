/* The benchmark responders' shared thread and socket set-up; see fcgi_threads.h. */
#include "fcgi_threads.h"

#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int fcgi_listen_fd = -1;

/* libfcgi installs its own SIGTERM handler that only flags a shutdown; exit at once instead. */
static void on_term(int signo) {
    (void)signo;
    _exit(0);
}

int fcgi_thread_count(const char *name, const char *text) {
    int threads = atoi(text);
    if (threads < 1 || threads > 1024) {
        fprintf(stderr, "%s: THREADS must be 1..1024\n", name);
        return -1;
    }
    return threads;
}

int fcgi_serve(const char *name, const char *socket_path, int threads, void *(*worker)(void *)) {
    if (FCGX_Init() != 0) {
        fprintf(stderr, "%s: FCGX_Init failed\n", name);
        return 1;
    }
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    unlink(socket_path);
    fcgi_listen_fd = FCGX_OpenSocket(socket_path, 1024);
    if (fcgi_listen_fd < 0) {
        fprintf(stderr, "%s: cannot listen on %s\n", name, socket_path);
        return 1;
    }
    chmod(socket_path, 0660);

    pthread_t *ids = calloc((size_t)threads, sizeof(pthread_t));
    if (ids == NULL) {
        fprintf(stderr, "%s: out of memory\n", name);
        return 1;
    }
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&ids[i], NULL, worker, NULL) != 0) {
            fprintf(stderr, "%s: pthread_create failed\n", name);
            return 1;
        }
    }
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
    }
    free(ids);
    return 0;
}
