; Pathfinder's Windows installer (Inno Setup 6). From the repository root, after PyInstaller:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\pathfinder.iss
;
; The release workflow passes the version read by packaging/project_version.py, so the
; installer can't disagree with the package. Writes
; dist\Pathfinder-<version>-windows-x64-setup.exe from dist\pathfinder\.
;
; A per-user install: no administrator rights, into %LOCALAPPDATA%\Programs\Pathfinder,
; with a Start-menu entry and an uninstaller (Settings > Apps). The notebook lives
; elsewhere (%LOCALAPPDATA%\Pathfinder, chosen by the app) and is never touched by
; installing, upgrading or uninstalling.
;
; Two programs are installed side by side: pathfinder.exe (the window; no console) and
; pathfinder-cli.exe (the same program built as a console program, for `--help`,
; `search`, `export`, `backup` in a terminal). An optional task adds the folder to the
; user's PATH so `pathfinder-cli` works in any new terminal.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\pathfinder.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\pathfinder"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppExe "pathfinder.exe"

[Setup]
; The same id as the Linux .desktop file and the macOS bundle. Never change it: Windows
; finds the installed copy to upgrade or uninstall by it.
AppId=io.github.pathfinder_journal.Pathfinder
AppName=Pathfinder
AppVersion={#AppVersion}
AppVerName=Pathfinder {#AppVersion}
AppPublisher=The Pathfinder developers
AppPublisherURL=https://github.com/pathfinder-journal/pathfinder
AppSupportURL=https://github.com/pathfinder-journal/pathfinder/issues
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Pathfinder
DisableDirPage=auto
DefaultGroupName=Pathfinder
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Pathfinder-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\pathfinder.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Pathfinder
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Tell running programs (Explorer, new terminals) when the PATH task changed it.
ChangesEnvironment=yes
; Close a running Pathfinder before its files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add Pathfinder to my PATH, so ""pathfinder-cli"" works in a terminal"; GroupDescription: "Command line:"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: files a newer build no longer has must
; not linger in _internal\ beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Pathfinder"; Filename: "{app}\{#AppExe}"; Comment: "A private journal for changing careers"
Name: "{autodesktop}\Pathfinder"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath('{app}')

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Pathfinder}"; Flags: nowait postinstall skipifsilent

[Code]
const
  EnvironmentKey = 'Environment';

{ Where Dir sits in the user's PATH (1-based, in the PATH string), or 0. }
function PathPosition(Dir: string; Paths: string): Integer;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';');
end;

{ Check functions get literal parameters, so the constant is expanded here. }
function NotOnPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Paths) then
    Result := True
  else
    Result := PathPosition(ExpandConstant(Dir), Paths) = 0;
end;

{ Take the program folder out of the user's PATH again (whether or not the task was
  chosen: it is only ever there because this installer put it there). }
procedure RemoveFromPath(Dir: string);
var
  Paths: string;
  Position: Integer;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Paths) then
    exit;
  Position := PathPosition(Dir, Paths);
  if Position = 0 then
    exit;
  { Position is where Dir starts in Paths; remove it with the ';' before it, or with the
    one after it when it comes first. }
  if Position > 1 then
    Delete(Paths, Position - 1, Length(Dir) + 1)
  else
    Delete(Paths, Position, Length(Dir) + 1);
  RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Paths);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;
