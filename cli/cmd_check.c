/* cmd_check.c — PLACEHOLDER until its issue lands: 'arcbatt check'. */
#include "cli.h"

int cmd_check(int argc, char **argv)
{
	cli_error("'check' is not built yet");
	return ARC_E_INTERNAL;
}
