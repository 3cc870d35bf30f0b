// How a repository is set up for deliver's merge driver: init writes the attributes line, prints
// the config line (git never takes a driver from the repository itself) and doctor checks both.
export const DRIVER_COMMAND = 'deliver merge-driver %O %A %B %P';
export const GIT_CONFIG_LINE = `git config merge.deliver.driver "${DRIVER_COMMAND}"`;
export const ATTRIBUTES_LINE = '*.yaml merge=deliver';
