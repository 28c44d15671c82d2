// The one email Trio sends a homeowner, whatever it tells: a short greeting,
// what happened, the newest messages quoted, one button to the job, and the
// company's name and how to reach it. React Email renders it to HTML that
// mail clients show alike, and to the plain-text part.
import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";

export type NotificationEmailProps = {
  companyName: string;
  /** "Call (555) 010-0100 · office@example.com": how to reach a person. */
  companyContact: string | null;
  greeting: string;
  lines: string[];
  quotes: { name: string; text: string }[];
  action: { label: string; url: string };
  /** Under the button: that answering the email works. */
  replyHint: string | null;
};

const page = { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
const card = { backgroundColor: "#ffffff", borderRadius: "8px", margin: "0 auto", maxWidth: "520px", padding: "24px" };
const text = { color: "#18181b", fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };
const quote = { ...text, borderLeft: "3px solid #d4d4d8", paddingLeft: "12px", whiteSpace: "pre-wrap" as const };
const button = {
  backgroundColor: "#1d4ed8",
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
const small = { color: "#52525b", fontSize: "13px", lineHeight: "20px", margin: "0 0 4px" };

export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.lines[0] ?? props.greeting}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={text}>{props.greeting}</Text>
          {props.lines.map((line) => (
            <Text key={line} style={text}>
              {line}
            </Text>
          ))}
          {props.quotes.map((entry, index) => (
            // Quotes may repeat word for word; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
            <Text key={index} style={quote}>
              <strong>{entry.name}:</strong> {entry.text}
            </Text>
          ))}
          <Section style={{ margin: "20px 0" }}>
            <Button href={props.action.url} style={button}>
              {props.action.label}
            </Button>
          </Section>
          {props.replyHint ? <Text style={small}>{props.replyHint}</Text> : null}
          <Hr style={{ borderColor: "#e4e4e7", margin: "20px 0 12px" }} />
          <Text style={small}>{props.companyName}</Text>
          {props.companyContact ? <Text style={small}>{props.companyContact}</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

/** The HTML and plain-text parts of one email. */
export async function renderNotificationEmail(props: NotificationEmailProps): Promise<{ html: string; text: string }> {
  const element = <NotificationEmail {...props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
