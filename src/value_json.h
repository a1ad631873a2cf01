/* value_json.h — DSL values in the JSON encoding of dsl-vectors.jsonl, and as Python-like text. */
#ifndef ARC_VALUE_JSON_H
#define ARC_VALUE_JSON_H

#include <jansson.h>

#include "dsl.h"

/* Decode an encoded value (a `call` is evaluated); fails the evaluation on a bad encoding. */
value value_decode(dsl_ctx *c, json_t *j);
/* Encode a value; the caller owns the result. */
json_t *value_encode(value v);
/* Python-like text of a value, cut with "..." at cap bytes; returns the full length. */
size_t value_repr(value v, char *buf, size_t cap);

#endif
