/**
 * One configuration, two manifests: the XML add-in-only manifest (Excel 2016+ perpetual, Microsoft 365, Mac,
 * Excel on the web) and the unified JSON manifest (Microsoft 365 app manifest). Both carry the same id,
 * version, names and URLs, for development (https://localhost:3001) or production.
 */
export type Target = "dev" | "prod";

export const config = {
  id: "6f1c3b1e-5d0a-4f57-9a7e-2b8c1d4e5f60",
  version: "1.0.0",
  provider: "Sohoa",
  defaultLocale: "vi-VN",
  name: { vi: "Sohoa – Số hóa hộ tịch", en: "Sohoa – register digitization" },
  nameShort: "Sohoa",
  description: {
    vi: "Kiểm tra và gửi báo cáo tiến độ số hóa sổ hộ tịch ngay trong Excel.",
    en: "Check and submit civil-status register digitization progress from Excel.",
  },
  button: { label: { vi: "Sohoa", en: "Sohoa" }, tooltip: { vi: "Mở ngăn Sohoa: kiểm tra và gửi báo cáo", en: "Open the Sohoa pane: validate and submit" } },
  group: { vi: "Số hóa hộ tịch", en: "Register digitization" },
  urls: {
    dev: "https://localhost:3001",
    prod: "https://sohoa.example.gov.vn/addin",
  },
  support: "https://sohoa.example.gov.vn/ho-tro",
  privacy: "https://sohoa.example.gov.vn/quyen-rieng-tu",
  terms: "https://sohoa.example.gov.vn/dieu-khoan",
  accentColor: "#1F5AA6",
} as const;

const base = (t: Target) => config.urls[t];
export const taskpaneUrl = (t: Target) => `${base(t)}/taskpane.html`;
const icon = (t: Target, size: number) => `${base(t)}/assets/icon-${size}.png`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function xmlManifest(t: Target): string {
  const url = taskpaneUrl(t);
  const origin = new URL(base(t)).origin;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${config.id}</Id>
  <Version>${config.version}.0</Version>
  <ProviderName>${esc(config.provider)}</ProviderName>
  <DefaultLocale>${config.defaultLocale}</DefaultLocale>
  <DisplayName DefaultValue="${esc(config.name.vi)}">
    <Override Locale="en-US" Value="${esc(config.name.en)}"/>
  </DisplayName>
  <Description DefaultValue="${esc(config.description.vi)}">
    <Override Locale="en-US" Value="${esc(config.description.en)}"/>
  </Description>
  <IconUrl DefaultValue="${icon(t, 32)}"/>
  <HighResolutionIconUrl DefaultValue="${icon(t, 64)}"/>
  <SupportUrl DefaultValue="${config.support}"/>
  <AppDomains>
    <AppDomain>${origin}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.1"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="Sohoa.GetStarted.Title"/>
            <Description resid="Sohoa.GetStarted.Description"/>
            <LearnMoreUrl resid="Sohoa.Support.Url"/>
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Sohoa.Group">
                <Label resid="Sohoa.Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Sohoa.Icon.16"/>
                  <bt:Image size="32" resid="Sohoa.Icon.32"/>
                  <bt:Image size="80" resid="Sohoa.Icon.80"/>
                </Icon>
                <Control xsi:type="Button" id="Sohoa.TaskpaneButton">
                  <Label resid="Sohoa.Button.Label"/>
                  <Supertip>
                    <Title resid="Sohoa.Button.Label"/>
                    <Description resid="Sohoa.Button.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Sohoa.Icon.16"/>
                    <bt:Image size="32" resid="Sohoa.Icon.32"/>
                    <bt:Image size="80" resid="Sohoa.Icon.80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>Sohoa.Taskpane</TaskpaneId>
                    <SourceLocation resid="Sohoa.Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Sohoa.Icon.16" DefaultValue="${icon(t, 16)}"/>
        <bt:Image id="Sohoa.Icon.32" DefaultValue="${icon(t, 32)}"/>
        <bt:Image id="Sohoa.Icon.80" DefaultValue="${icon(t, 80)}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Sohoa.Taskpane.Url" DefaultValue="${url}"/>
        <bt:Url id="Sohoa.Support.Url" DefaultValue="${config.support}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Sohoa.Group.Label" DefaultValue="${esc(config.group.vi)}">
          <bt:Override Locale="en-US" Value="${esc(config.group.en)}"/>
        </bt:String>
        <bt:String id="Sohoa.Button.Label" DefaultValue="${esc(config.button.label.vi)}">
          <bt:Override Locale="en-US" Value="${esc(config.button.label.en)}"/>
        </bt:String>
        <bt:String id="Sohoa.GetStarted.Title" DefaultValue="${esc(config.name.vi)}">
          <bt:Override Locale="en-US" Value="${esc(config.name.en)}"/>
        </bt:String>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="Sohoa.Button.Tooltip" DefaultValue="${esc(config.button.tooltip.vi)}">
          <bt:Override Locale="en-US" Value="${esc(config.button.tooltip.en)}"/>
        </bt:String>
        <bt:String id="Sohoa.GetStarted.Description" DefaultValue="${esc(config.description.vi)}">
          <bt:Override Locale="en-US" Value="${esc(config.description.en)}"/>
        </bt:String>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

/** The unified (JSON) manifest, schema 1.17; icons are files packaged next to it. */
export function jsonManifest(t: Target): Record<string, unknown> {
  const url = taskpaneUrl(t);
  return {
    $schema: "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
    manifestVersion: "1.17",
    version: config.version,
    id: config.id,
    localizationInfo: { defaultLanguageTag: config.defaultLocale },
    developer: { name: config.provider, websiteUrl: base(t), privacyUrl: config.privacy, termsOfUseUrl: config.terms },
    name: { short: config.nameShort, full: config.name.vi },
    description: { short: config.description.vi.slice(0, 80), full: config.description.vi },
    icons: { color: "assets/icon-128.png", outline: "assets/icon-outline-32.png" },
    accentColor: config.accentColor,
    validDomains: [new URL(base(t)).host],
    authorization: { permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: [{ name: "ExcelApi", minVersion: "1.1" }] },
        runtimes: [
          {
            id: "TaskPaneRuntime",
            type: "general",
            code: { page: url },
            lifetime: "short",
            actions: [{ id: "OpenSohoaPane", type: "openPage", view: "dashboard", pinnable: false }],
          },
        ],
        ribbons: [
          {
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: "TabHome",
                groups: [
                  {
                    id: "SohoaGroup",
                    label: config.group.vi,
                    icons: [16, 32, 80].map((size) => ({ size, url: icon(t, size) })),
                    controls: [
                      {
                        id: "SohoaTaskpaneButton",
                        type: "button",
                        label: config.button.label.vi,
                        icons: [16, 32, 80].map((size) => ({ size, url: icon(t, size) })),
                        supertip: { title: config.button.label.vi, description: config.button.tooltip.vi },
                        actionId: "OpenSohoaPane",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
