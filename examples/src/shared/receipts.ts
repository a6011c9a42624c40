// Receipts go out by mail; the refund service calls this from another file.
import nodemailer from 'nodemailer';

export class ReceiptMailer {
  private readonly transport = nodemailer.createTransport({ host: process.env.SMTP_HOST });

  async sendRefundReceipt(to: string, cents: number) {
    await this.transport.sendMail({ to, subject: 'Your refund', text: `We refunded ${cents / 100} EUR.` });
  }
}
