/* cmd_show.c — PLACEHOLDER until its issue lands: 'arcbatt show'. */
#include "cli.h"

int cmd_show(int argc, char **argv)
{
	cli_error("'show' is not built yet");
	return ARC_E_INTERNAL;
}
