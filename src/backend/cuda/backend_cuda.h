/* backend_cuda.h — the CUDA backend as the C code sees it: plain C types, no CUDA headers.
 * Built only with `make CUDA=1` (which defines ARC_CUDA). */
#ifndef ARC_BACKEND_CUDA_H
#define ARC_BACKEND_CUDA_H

#include <stdbool.h>
#include <stddef.h>

#include "../backend.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Whether a CUDA device can be used; when not, why (n bytes) says so in one line. */
bool backend_cuda_probe(char *why, size_t n);
/* Opens the backend on device 0: streams, events, no buffers yet (they grow with batches). */
arc_status backend_cuda_init(backend_impl *out, arc_error *err);

#ifdef __cplusplus
}
#endif

#endif
