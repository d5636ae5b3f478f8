/**
 * The games the sim's servers run. Each egg gives the docker image, startup command, variables
 * and the console lines a real server prints, so the demo console looks alive.
 */

/** An egg variable as the startup page shows it (§4.4 `egg_variable`). */
export interface EggVariableSeed {
  name: string;
  description: string;
  envVariable: string;
  defaultValue: string;
  rules: string;
  isEditable: boolean;
}

/** What a server of this egg looks like and prints. */
export interface EggProfile {
  uuid: string;
  name: string;
  dockerImages: Record<string, string>;
  startup: string;
  features: string[] | null;
  variables: EggVariableSeed[];
  /** Game lines printed while `starting`, before the ready line. */
  bootLines: string[];
  readyLine: string;
  stopLines: string[];
  /** The game's answer to a console command. */
  reply(command: string): string;
  /** Game-specific text files, path -> content. */
  files: Record<string, string>;
}

const minecraftProperties = `#Minecraft server properties
#Wed May 01 10:00:00 UTC 2024
enable-jmx-monitoring=false
rcon.port=25575
level-seed=
gamemode=survival
enable-command-block=false
enable-query=false
level-name=world
motd=A Pterotray demo server
query.port=25565
pvp=true
difficulty=easy
max-players=20
online-mode=true
server-port=25565
view-distance=10
`;

const minecraft: EggProfile = {
  uuid: '5c4a4f4e-9c69-4c4b-8a8e-3f1d6f2a1b01',
  name: 'Paper',
  dockerImages: { 'Java 17': 'ghcr.io/pterodactyl/yolks:java_17', 'Java 21': 'ghcr.io/pterodactyl/yolks:java_21' },
  startup: 'java -Xms128M -XX:MaxRAMPercentage=95.0 -Dterminal.jline=false -Dterminal.ansi=true -jar {{SERVER_JARFILE}}',
  features: ['eula', 'java_version', 'pid_limit'],
  variables: [
    {
      name: 'Minecraft Version',
      description: 'The version of minecraft to download.',
      envVariable: 'MINECRAFT_VERSION',
      defaultValue: 'latest',
      rules: 'nullable|string|max:20',
      isEditable: true,
    },
    {
      name: 'Server Jar File',
      description: 'The name of the server jarfile to run the server with.',
      envVariable: 'SERVER_JARFILE',
      defaultValue: 'server.jar',
      rules: 'required|regex:/^([\\w\\d._-]+)(\\.jar)$/',
      isEditable: true,
    },
    {
      name: 'Build Number',
      description: 'The build number for the paper release.',
      envVariable: 'BUILD_NUMBER',
      defaultValue: 'latest',
      rules: 'required|string|max:20',
      isEditable: false,
    },
  ],
  bootLines: [
    'Starting org.bukkit.craftbukkit.Main',
    '[10:00:01 INFO]: Loading Paper 1.20.4 for Minecraft 1.20.4',
    '[10:00:03 INFO]: Preparing level "world"',
    '[10:00:04 INFO]: Preparing start region for dimension minecraft:overworld',
  ],
  readyLine: '[10:00:06 INFO]: Done (4.213s)! For help, type "help"',
  stopLines: ['[10:05:00 INFO]: Stopping the server', '[10:05:00 INFO]: Saving worlds', '[10:05:01 INFO]: ThreadedAnvilChunkStorage: All dimensions are saved'],
  reply: (command) =>
    command.startsWith('say ')
      ? `[10:01:00 INFO]: [Server] ${command.slice(4)}`
      : command === 'list'
        ? '[10:01:00 INFO]: There are 0 of a max of 20 players online: '
        : `[10:01:00 INFO]: Unknown or incomplete command, see below for error`,
  files: { 'server.properties': minecraftProperties, 'eula.txt': 'eula=true\n', 'plugins/README.txt': 'Drop plugin jars here.\n' },
};

const valheim: EggProfile = {
  uuid: '5c4a4f4e-9c69-4c4b-8a8e-3f1d6f2a1b02',
  name: 'Valheim',
  dockerImages: { Steam: 'ghcr.io/parkervcp/steamcmd:debian' },
  startup: './valheim_server.x86_64 -name "{{SERVER_NAME}}" -port {{SERVER_PORT}} -world "{{WORLD}}" -public 1',
  features: ['steam_disk_space'],
  variables: [
    {
      name: 'Server Name',
      description: 'The name shown in the server browser.',
      envVariable: 'SERVER_NAME',
      defaultValue: 'Pterotray Valheim',
      rules: 'required|string|max:64',
      isEditable: true,
    },
    { name: 'World', description: 'The world to load.', envVariable: 'WORLD', defaultValue: 'Dedicated', rules: 'required|string|max:32', isEditable: true },
  ],
  bootLines: ['Mounting config', 'Steam game server initialized', 'Load world: Dedicated (Dedicated)'],
  readyLine: 'Game server connected',
  stopLines: ['OnApplicationQuit', 'World save writing'],
  reply: (command) => `Console: ${command}`,
  files: { 'start_server.sh': '#!/bin/bash\nexport templdpath=$LD_LIBRARY_PATH\n./valheim_server.x86_64 "$@"\n' },
};

const terraria: EggProfile = {
  uuid: '5c4a4f4e-9c69-4c4b-8a8e-3f1d6f2a1b03',
  name: 'Terraria Vanilla',
  dockerImages: { Debian: 'ghcr.io/parkervcp/yolks:debian' },
  startup: './TerrariaServer.bin.x86_64 -config serverconfig.txt',
  features: null,
  variables: [
    {
      name: 'World Size',
      description: '1 small, 2 medium, 3 large.',
      envVariable: 'WORLD_SIZE',
      defaultValue: '1',
      rules: 'required|in:1,2,3',
      isEditable: true,
    },
  ],
  bootLines: ['Terraria Server v1.4.4.9', 'Resetting game objects', 'Loading world data: 100%', 'Settling liquids: 100%'],
  readyLine: 'Server started',
  stopLines: ['Saving world data: 100%', 'Validating world save: 100%'],
  reply: (command) => (command === 'playing' ? 'No players connected.' : `Invalid command.`),
  files: { 'serverconfig.txt': 'world=worlds/world.wld\nautocreate=1\nmaxplayers=8\nport=7777\n' },
};

/** Every egg; servers cycle through them, Minecraft first and most often. */
export const EGGS: readonly EggProfile[] = [minecraft, minecraft, valheim, minecraft, terraria];
