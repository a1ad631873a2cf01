/* test_dsl_type.c — arc-dsl's type hints as shape sets, and the shapes of runtime values. */
#include "testutil.h"

static void values_have_one_shape(void **state)
{
	(void)state;
	struct {
		const char *json;
		uint32_t shape;
	} cases[] = {
		{"{\"bool\": true}", SH_BOOL},
		{"{\"int\": 7}", SH_INT},
		{"{\"vec\": [1, 2]}", SH_PAIR},
		{"{\"grid\": [[1, 2], [3, 4]]}", SH_GRID},
		{"{\"tuple\": []}", SH_TUPLE},
		{"{\"cell\": [3, 1, 2]}", SH_CELL},
		{"{\"tuple\": [{\"int\": 1}, {\"bool\": false}, {\"int\": 2}]}", SH_TUPLE},
		{"{\"frozenset\": []}", SH_EMPTYSET},
		{"{\"indices\": [[0, 1]]}", SH_IDX},
		{"{\"object\": [[4, 0, 1]]}", SH_OBJ},
		{"{\"frozenset\": [{\"int\": 1}, {\"int\": 3}]}", SH_INTSET},
		{"{\"frozenset\": [{\"indices\": [[0, 1]]}, {\"indices\": [[2, 2]]}]}", SH_SETSET},
		{"{\"frozenset\": [{\"int\": 1}, {\"vec\": [1, 2]}]}", SH_SET},
		{"{\"fn\": \"first\"}", SH_FUNC},
		{"{\"none\": null}", SH_NONE},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		uint32_t got = dsl_value_shape(V(cases[k].json));
		if (got != cases[k].shape)
			fail_msg("%s: shape %#x, expected %#x", cases[k].json, got, cases[k].shape);
	}
}

static void types_follow_the_aliases(void **state)
{
	(void)state;
	assert_true(dsl_type_fits(T_INDICES, T_PATCH));
	assert_true(dsl_type_fits(T_OBJECT, T_PIECE));
	assert_true(dsl_type_fits(T_GRID, T_ELEMENT));
	assert_true(dsl_type_fits(T_BOOLEAN, T_INTEGER)); /* bool is an int */
	assert_true(dsl_type_fits(T_INTEGERTUPLE, T_NUMERICAL));
	assert_true(dsl_type_fits(T_OBJECTS, T_CONTAINERCONTAINER));
	assert_false(dsl_type_fits(T_PATCH, T_INDICES)); /* an Object is no Indices */
	assert_true(dsl_type_may_fit(T_PATCH, T_INDICES));
	assert_false(dsl_type_may_fit(T_GRID, T_PATCH));
	assert_false(dsl_type_may_fit(T_INTEGER, T_CONTAINER));
	assert_true(dsl_type_may_fit(T_ANY, T_CALLABLE));
	assert_false(dsl_type_fits(T_ANY, T_CALLABLE));
	assert_false(dsl_type_may_fit(T_NONE, T_ANY)); /* the unused-parameter marker fits nothing */
}

/* Every parameter a primitive has is typed, and every unused one is T_NONE. */
static void the_table_is_typed(void **state)
{
	(void)state;
	for (int p = 0; p < PRIM_COUNT; p++) {
		const prim_info *pi = &prim_table[p];
		assert_true(dsl_type_shapes((dsl_type)pi->ret) != 0);
		for (int k = 0; k < 4; k++) {
			bool used = k < pi->arity;
			if (used != (dsl_type_shapes((dsl_type)pi->arg[k]) != 0))
				fail_msg("%s parameter %d", pi->name, k);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_have_one_shape),
		cmocka_unit_test(types_follow_the_aliases),
		cmocka_unit_test(the_table_is_typed),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
