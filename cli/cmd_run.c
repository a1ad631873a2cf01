/* cmd_run.c — PLACEHOLDER until its issue lands: 'arcbatt run'. */
#include "cli.h"

int cmd_run(int argc, char **argv)
{
	cli_error("'run' is not built yet");
	return ARC_E_INTERNAL;
}
